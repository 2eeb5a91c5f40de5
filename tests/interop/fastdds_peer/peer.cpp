// Independent Fast DDS 2.9 peer for cross-vendor interoperability tests: fastddsgen type support
// for the ROS 2 IDL (../cyclone_peer/ros_msgs.idl). Takes typed samples from an input topic
// (Fast DDS deserializes them) and writes them to an output topic (Fast DDS serializes them).
//   fastdds_peer <domain> <type> <in-topic> <out-topic> <count>
// Discovery is unicast on loopback (initial peer 127.0.0.1), UDPv4 only: no multicast needed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

#include <fastdds/dds/domain/DomainParticipant.hpp>
#include <fastdds/dds/domain/DomainParticipantFactory.hpp>
#include <fastdds/dds/publisher/DataWriter.hpp>
#include <fastdds/dds/publisher/Publisher.hpp>
#include <fastdds/dds/subscriber/DataReader.hpp>
#include <fastdds/dds/subscriber/SampleInfo.hpp>
#include <fastdds/dds/subscriber/Subscriber.hpp>
#include <fastdds/dds/topic/TypeSupport.hpp>
#include <fastdds/rtps/transport/UDPv4TransportDescriptor.h>
#include <fastrtps/utils/IPLocator.h>

#include "ros_msgsPubSubTypes.h"

using namespace eprosima::fastdds::dds;

template <typename T>
static int echo(DomainParticipant *pp, TopicDataType *pst, const char *in, const char *out, int count)
{
  TypeSupport type(pst);
  type.register_type(pp);
  Topic *tin = pp->create_topic(in, type.get_type_name(), TOPIC_QOS_DEFAULT);
  Topic *tout = pp->create_topic(out, type.get_type_name(), TOPIC_QOS_DEFAULT);
  Subscriber *sub = pp->create_subscriber(SUBSCRIBER_QOS_DEFAULT);
  Publisher *pub = pp->create_publisher(PUBLISHER_QOS_DEFAULT);
  DataReaderQos rq = DATAREADER_QOS_DEFAULT;
  rq.reliability().kind = RELIABLE_RELIABILITY_QOS;
  rq.durability().kind = VOLATILE_DURABILITY_QOS;
  rq.history().kind = KEEP_LAST_HISTORY_QOS;
  rq.history().depth = 100;
  DataWriterQos wq = DATAWRITER_QOS_DEFAULT;
  wq.reliability().kind = RELIABLE_RELIABILITY_QOS;
  wq.durability().kind = VOLATILE_DURABILITY_QOS;
  wq.history().kind = KEEP_LAST_HISTORY_QOS;
  wq.history().depth = 100;
  // Samples above 64 KiB need asynchronous publication in Fast DDS 2.x.
  wq.publish_mode().kind = ASYNCHRONOUS_PUBLISH_MODE;
  // Loopback bursts of 64 KiB datagrams overflow small socket buffers: repair lost fragments fast.
  wq.reliable_writer_qos().times.heartbeatPeriod = eprosima::fastrtps::Duration_t(0, 100000000);
  DataReader *rd = sub->create_datareader(tin, rq);
  DataWriter *wr = pub->create_datawriter(tout, wq);
  if (!tin || !tout || !rd || !wr)
  {
    std::fprintf(stderr, "entities failed\n");
    return 1;
  }
  // Echo only once our writer has matched the test's reader: a volatile writer matching later
  // would send that reader a GAP for what it had written before.
  PublicationMatchedStatus matched;
  for (int i = 0; i < 300 && (wr->get_publication_matched_status(matched), matched.current_count) < 1; i++)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::printf("READY %s\n", type.get_type_name().c_str());
  std::fflush(stdout);
  int seen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  T sample;
  SampleInfo info;
  while (seen < count && std::chrono::steady_clock::now() < deadline)
  {
    if (!rd->wait_for_unread_message(eprosima::fastrtps::Duration_t(0, 200000000)))
      continue;
    while (rd->take_next_sample(&sample, &info) == ReturnCode_t::RETCODE_OK)
    {
      if (!info.valid_data)
        continue;
      std::printf("%s received\n", type.get_type_name().c_str());
      std::fflush(stdout);
      wr->write(&sample);
      seen++;
    }
  }
  bool acked = wr->wait_for_acknowledgments(eprosima::fastrtps::Duration_t(30, 0)) == ReturnCode_t::RETCODE_OK;
  std::printf("DONE %d%s\n", seen, acked ? "" : " (not acknowledged)");
  std::fflush(stdout);
  return seen == count ? 0 : 1;
}

int main(int argc, char **argv)
{
  if (argc != 6)
  {
    std::fprintf(stderr, "usage: fastdds_peer <domain> <type> <in-topic> <out-topic> <count>\n");
    return 2;
  }
  DomainParticipantQos pq = PARTICIPANT_QOS_DEFAULT;
  pq.name("apprentice_fastdds_peer");
  pq.transport().use_builtin_transports = false;
  auto udp = std::make_shared<eprosima::fastdds::rtps::UDPv4TransportDescriptor>();
  udp->interfaceWhiteList.push_back("127.0.0.1");
  pq.transport().user_transports.push_back(udp);
  eprosima::fastrtps::rtps::Locator_t peer;
  eprosima::fastrtps::rtps::IPLocator::setIPv4(peer, 127, 0, 0, 1);
  pq.wire_protocol().builtin.initialPeersList.push_back(peer);
  DomainParticipant *pp = DomainParticipantFactory::get_instance()->create_participant(std::atoi(argv[1]), pq);
  if (!pp)
  {
    std::fprintf(stderr, "participant failed\n");
    return 1;
  }
  std::string type = argv[2];
  int count = std::atoi(argv[5]);
  int rc;
  if (type == "JointState")
    rc = echo<sensor_msgs::msg::dds_::JointState_>(pp, new sensor_msgs::msg::dds_::JointState_PubSubType(), argv[3], argv[4], count);
  else if (type == "Image")
    rc = echo<sensor_msgs::msg::dds_::Image_>(pp, new sensor_msgs::msg::dds_::Image_PubSubType(), argv[3], argv[4], count);
  else
  {
    std::fprintf(stderr, "unknown type %s\n", argv[2]);
    rc = 2;
  }
  pp->delete_contained_entities();
  DomainParticipantFactory::get_instance()->delete_participant(pp);
  return rc;
}
