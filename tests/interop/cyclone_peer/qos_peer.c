/* QoS peer for interoperability tests: publishes <n> JointState samples (frame_id "qos_<i>")
 * with the given reliability, durability and keep-last depth, prints PUBLISHED, then keeps its
 * writer alive until stdin closes (or 60 s), so late joiners can match it.
 *   qos_peer <domain> <config-uri> <topic> <reliable|best_effort> <volatile|transient_local> <depth> <n> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dds/dds.h"
#include "ros_msgs.h"

int main(int argc, char **argv)
{
  if (argc != 8)
  {
    fprintf(stderr, "usage: qos_peer <domain> <config-uri> <topic> <reliable|best_effort> <volatile|transient_local> <depth> <n>\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t) atoi(argv[1]);
  int depth = atoi(argv[6]);
  int n = atoi(argv[7]);
  dds_entity_t dom = dds_create_domain(domain, argv[2]);
  dds_entity_t pp = dds_create_participant(domain, NULL, NULL);
  if (dom < 0 || pp < 0)
    return 1;
  dds_qos_t *qos = dds_create_qos();
  if (strcmp(argv[4], "reliable") == 0)
    dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  else
    dds_qset_reliability(qos, DDS_RELIABILITY_BEST_EFFORT, 0);
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, depth);
  if (strcmp(argv[5], "transient_local") == 0)
  {
    dds_qset_durability(qos, DDS_DURABILITY_TRANSIENT_LOCAL);
    dds_qset_durability_service(qos, 0, DDS_HISTORY_KEEP_LAST, depth, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED);
  }
  else
    dds_qset_durability(qos, DDS_DURABILITY_VOLATILE);
  dds_entity_t tp = dds_create_topic(pp, &sensor_msgs_msg_dds__JointState__desc, argv[3], NULL, NULL);
  dds_entity_t wr = dds_create_writer(pp, tp, qos, NULL);
  dds_delete_qos(qos);
  if (tp < 0 || wr < 0)
    return 1;
  for (int i = 0; i < n; i++)
  {
    char frame[32];
    snprintf(frame, sizeof(frame), "qos_%d", i);
    sensor_msgs_msg_dds__JointState_ js;
    memset(&js, 0, sizeof(js));
    js.header.stamp.sec = i;
    js.header.frame_id = frame;
    dds_write(wr, &js);
  }
  printf("PUBLISHED %d\n", n);
  fflush(stdout);
  char line[16];
  dds_time_t deadline = dds_time() + DDS_SECS(60);
  while (dds_time() < deadline && fgets(line, sizeof(line), stdin) != NULL)
    ;
  dds_delete(dom);
  return 0;
}
