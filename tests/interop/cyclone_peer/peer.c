/* Independent ROS 2 peer for interoperability tests: Cyclone DDS with idlc-generated type
 * support. Takes typed samples from an input topic (Cyclone deserializes them) and writes
 * them to an output topic (Cyclone serializes them again), and prints what it saw.
 *   peer <domain> <config-uri> <type> <in-topic> <out-topic> <count> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dds/dds.h"
#include "ros_msgs.h"

static const dds_topic_descriptor_t *descriptor(const char *type)
{
  if (strcmp(type, "JointState") == 0) return &sensor_msgs_msg_dds__JointState__desc;
  if (strcmp(type, "Image") == 0) return &sensor_msgs_msg_dds__Image__desc;
  if (strcmp(type, "LaserScan") == 0) return &sensor_msgs_msg_dds__LaserScan__desc;
  if (strcmp(type, "JointTrajectory") == 0) return &trajectory_msgs_msg_dds__JointTrajectory__desc;
  return NULL;
}

int main(int argc, char **argv)
{
  if (argc != 7)
  {
    fprintf(stderr, "usage: peer <domain> <config-uri> <type> <in-topic> <out-topic> <count>\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t) atoi(argv[1]);
  const dds_topic_descriptor_t *desc = descriptor(argv[3]);
  int count = atoi(argv[6]);
  if (desc == NULL)
  {
    fprintf(stderr, "unknown type %s\n", argv[3]);
    return 2;
  }
  dds_entity_t dom = dds_create_domain(domain, argv[2]);
  dds_entity_t pp = dds_create_participant(domain, NULL, NULL);
  if (dom < 0 || pp < 0)
  {
    fprintf(stderr, "participant: %s\n", dds_strretcode(pp < 0 ? pp : dom));
    return 1;
  }
  dds_qos_t *qos = dds_create_qos();
  dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 100);
  dds_entity_t tin = dds_create_topic(pp, desc, argv[4], NULL, NULL);
  dds_entity_t tout = dds_create_topic(pp, desc, argv[5], NULL, NULL);
  dds_entity_t rd = dds_create_reader(pp, tin, qos, NULL);
  dds_entity_t wr = dds_create_writer(pp, tout, qos, NULL);
  dds_delete_qos(qos);
  if (tin < 0 || tout < 0 || rd < 0 || wr < 0)
  {
    fprintf(stderr, "entities failed\n");
    return 1;
  }
  dds_entity_t ws = dds_create_waitset(pp);
  dds_entity_t rc = dds_create_readcondition(rd, DDS_ANY_STATE);
  dds_waitset_attach(ws, rc, 0);
  /* Echo only once our writer has matched the test's reader (see the Fast DDS peer). */
  dds_publication_matched_status_t pm = { 0 };
  for (int i = 0; i < 300 && (dds_get_publication_matched_status(wr, &pm), pm.current_count) < 1; i++)
    dds_sleepfor(DDS_MSECS(100));
  printf("READY %s\n", desc->m_typename);
  fflush(stdout);

  int seen = 0;
  dds_time_t deadline = dds_time() + DDS_SECS(60);
  while (seen < count && dds_time() < deadline)
  {
    dds_waitset_wait(ws, NULL, 0, DDS_MSECS(200));
    void *buf[1] = { NULL };
    dds_sample_info_t si;
    while (dds_take(rd, buf, &si, 1, 1) == 1)
    {
      if (si.valid_data)
      {
        if (desc == &sensor_msgs_msg_dds__JointState__desc)
        {
          const sensor_msgs_msg_dds__JointState_ *js = buf[0];
          printf("JointState frame=%s names=%u first=%s pos0=%.17g\n", js->header.frame_id, js->name._length,
                 js->name._length ? js->name._buffer[0] : "", js->position._length ? js->position._buffer[0] : 0.0);
        }
        else
          printf("%s received\n", argv[3]);
        fflush(stdout);
        dds_write_ts(wr, buf[0], si.source_timestamp);
        seen++;
      }
      dds_return_loan(rd, buf, 1);
    }
  }
  dds_wait_for_acks(wr, DDS_SECS(5));
  printf("DONE %d\n", seen);
  fflush(stdout);
  dds_delete(dom);
  return seen == count ? 0 : 1;
}
