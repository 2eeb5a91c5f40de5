/* C <-> C baseline for the DDS benchmark: drives the idlc echo peer the same way the C# driver
 * (Dds/DdsEchoBench.cs) does, with the same QoS (reliable, keep-last 100).
 *   driver <domain> <config-uri> latency <ping-topic> <pong-topic> <warmup> <count>
 *     sends a small JointState, waits for its echo, prints "RTT_US <x>" per measured round trip.
 *   driver <domain> <config-uri> throughput <ping-topic> <pong-topic> <warmup> <rounds> <per-round> <window> <bytes>
 *     keeps <window> images in flight; prints "ROUND_S <seconds>" per round of <per-round> echoes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dds/dds.h"
#include "ros_msgs.h"

static dds_entity_t pp, wr, rd, ws;

static int setup(const dds_topic_descriptor_t *desc, const char *ping, const char *pong)
{
  dds_qos_t *qos = dds_create_qos();
  dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 100);
  dds_entity_t tw = dds_create_topic(pp, desc, ping, NULL, NULL);
  dds_entity_t tr = dds_create_topic(pp, desc, pong, NULL, NULL);
  wr = dds_create_writer(pp, tw, qos, NULL);
  rd = dds_create_reader(pp, tr, qos, NULL);
  dds_delete_qos(qos);
  ws = dds_create_waitset(pp);
  dds_waitset_attach(ws, dds_create_readcondition(rd, DDS_ANY_STATE), 0);
  dds_publication_matched_status_t pm = { 0 };
  dds_subscription_matched_status_t sm = { 0 };
  for (int i = 0; i < 300; i++)
  {
    dds_get_publication_matched_status(wr, &pm);
    dds_get_subscription_matched_status(rd, &sm);
    if (pm.current_count > 0 && sm.current_count > 0) return 0;
    dds_sleepfor(DDS_MSECS(50));
  }
  fprintf(stderr, "driver: peer never matched\n");
  return 1;
}

static int take_all(void)
{
  int n = 0;
  void *buf[16] = { NULL };
  dds_sample_info_t si[16];
  int k;
  while ((k = dds_take(rd, buf, si, 16, 16)) > 0)
  {
    for (int i = 0; i < k; i++) n += si[i].valid_data ? 1 : 0;
    dds_return_loan(rd, buf, k);
  }
  return n;
}

static int latency(int warm, int count)
{
  if (setup(&sensor_msgs_msg_dds__JointState__desc, getenv("PING"), getenv("PONG"))) return 1;
  sensor_msgs_msg_dds__JointState_ js;
  memset(&js, 0, sizeof js);
  js.header.frame_id = "bench";
  for (int i = 0; i < warm + count; i++)
  {
    js.header.stamp.sec = i;
    dds_time_t t0 = dds_time();
    dds_write(wr, &js);
    int got = 0;
    while (!got)
    {
      dds_waitset_wait(ws, NULL, 0, DDS_SECS(5));
      got = take_all();
      if (!got && dds_time() - t0 > DDS_SECS(5)) { fprintf(stderr, "driver: echo lost\n"); return 1; }
    }
    if (i >= warm) printf("RTT_US %.3f\n", (double)(dds_time() - t0) / 1e3);
  }
  return 0;
}

static int throughput(int warm, int rounds, int per_round, int window, int bytes)
{
  if (setup(&sensor_msgs_msg_dds__Image__desc, getenv("PING"), getenv("PONG"))) return 1;
  sensor_msgs_msg_dds__Image_ im;
  memset(&im, 0, sizeof im);
  im.header.frame_id = "camera";
  im.encoding = "mono8";
  im.width = 1024; im.height = (uint32_t)(bytes / 1024); im.step = 1024;
  im.data._buffer = malloc((size_t)bytes);
  memset(im.data._buffer, 7, (size_t)bytes);
  im.data._length = im.data._maximum = (uint32_t)bytes;
  int total = warm + rounds * per_round, sent = 0, received = 0;
  dds_time_t round_start = 0;
  while (received < total)
  {
    while (sent < total && sent - received < window)
    {
      im.header.stamp.sec = sent++;
      dds_write(wr, &im);
    }
    dds_waitset_wait(ws, NULL, 0, DDS_SECS(5));
    int before = received;
    received += take_all();
    for (int r = before + 1; r <= received; r++)
    {
      if (r == warm) round_start = dds_time();
      else if (r > warm && (r - warm) % per_round == 0)
      {
        dds_time_t now = dds_time();
        printf("ROUND_S %.6f\n", (double)(now - round_start) / 1e9);
        round_start = now;
      }
    }
  }
  free(im.data._buffer);
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 8) { fprintf(stderr, "usage: see driver.c\n"); return 2; }
  setenv("PING", argv[4], 1);
  setenv("PONG", argv[5], 1);
  dds_domainid_t domain = (dds_domainid_t) atoi(argv[1]);
  if (dds_create_domain(domain, argv[2]) < 0 || (pp = dds_create_participant(domain, NULL, NULL)) < 0) { fprintf(stderr, "participant failed\n"); return 1; }
  int rc = strcmp(argv[3], "latency") == 0 ? latency(atoi(argv[6]), atoi(argv[7]))
         : argc >= 11 ? throughput(atoi(argv[6]), atoi(argv[7]), atoi(argv[8]), atoi(argv[9]), atoi(argv[10])) : 2;
  fflush(stdout);
  dds_delete(DDS_CYCLONEDDS_HANDLE);
  return rc;
}
