/* Discovery: DCPSPublication / DCPSSubscription readers, one sample at a time, borrowed. */
#include <string.h>
#include "dds/dds.h"
#include "internal.h"

int32_t aps_builtin_reader_create(int32_t participant, int32_t publications)
{
  dds_entity_t topic = publications ? DDS_BUILTIN_TOPIC_DCPSPUBLICATION : DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION;
  return dds_create_reader(participant, topic, NULL, NULL);
}

int32_t aps_builtin_take(int32_t reader, aps_endpoint *out)
{
  void *buf[1] = { NULL };
  dds_sample_info_t si;
  int32_t n = dds_take(reader, buf, &si, 1, 1);
  if (n <= 0)
    return n;
  const dds_builtintopic_endpoint_t *ep = buf[0];
  memset(out, 0, sizeof(*out));
  memcpy(out->guid, ep->key.v, 16);
  memcpy(out->participant_guid, ep->participant_key.v, 16);
  out->alive = si.valid_data && si.instance_state == DDS_IST_ALIVE;
  if (si.valid_data)
  {
    out->topic_name = ep->topic_name;
    out->type_name = ep->type_name;
    if (ep->qos != NULL)
    {
      aps_qos_from_dds(ep->qos, &out->qos);
      void *ud = NULL;
      size_t udsz = 0;
      if (dds_qget_userdata(ep->qos, &ud, &udsz) && ud != NULL)
      {
        /* A copy, freed by aps_builtin_release. */
        out->user_data = ud;
        out->user_data_size = (uint32_t) udsz;
      }
    }
  }
  out->loan = buf[0];
  return 1;
}

void aps_builtin_release(int32_t reader, aps_endpoint *endpoint)
{
  if (endpoint->user_data != NULL)
    dds_free((void *) endpoint->user_data);
  endpoint->user_data = NULL;
  void *buf[1] = { endpoint->loan };
  if (buf[0] != NULL)
    dds_return_loan(reader, buf, 1);
  endpoint->loan = NULL;
}
