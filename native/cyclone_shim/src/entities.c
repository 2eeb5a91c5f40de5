/* Entity creation and waitsets: thin wrappers that keep Cyclone's structs out of C#. */
#include <string.h>
#include "dds/dds.h"
#include "dds/version.h"
#include "dds/ddsi/ddsi_sertype.h"
#include "internal.h"

const char *aps_strerror(int32_t rc) { return dds_strretcode(rc); }

const char *aps_cyclone_version(void) { return DDS_VERSION; }

int32_t aps_domain_create(uint32_t domain_id, const char *config)
{
  return dds_create_domain(domain_id, config);
}

int32_t aps_participant_create(uint32_t domain_id, const uint8_t *user_data, uint32_t user_data_size)
{
  dds_qos_t *qos = dds_create_qos();
  if (user_data != NULL && user_data_size > 0)
    dds_qset_userdata(qos, user_data, user_data_size);
  int32_t p = dds_create_participant(domain_id, qos, NULL);
  dds_delete_qos(qos);
  return p;
}

int32_t aps_delete(int32_t entity) { return dds_delete(entity); }

int32_t aps_topic_create(int32_t participant, const char *topic_name, const char *type_name)
{
  struct ddsi_sertype *st = aps_sertype_new(type_name);
  if (st == NULL)
    return DDS_RETCODE_OUT_OF_RESOURCES;
  struct ddsi_sertype *stact = st;
  int32_t t = dds_create_topic_sertype(participant, topic_name, &stact, NULL, NULL, NULL);
  if (t < 0)
    ddsi_sertype_unref(st); /* not taken over on failure */
  return t;
}

int32_t aps_writer_create(int32_t participant, int32_t topic, const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size)
{
  dds_qos_t *q = aps_qos_to_dds(qos, user_data, user_data_size);
  dds_qset_writer_data_lifecycle(q, false);
  int32_t w = dds_create_writer(participant, topic, q, NULL);
  dds_delete_qos(q);
  return w;
}

int32_t aps_reader_create(int32_t participant, int32_t topic, const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size)
{
  dds_qos_t *q = aps_qos_to_dds(qos, user_data, user_data_size);
  int32_t r = dds_create_reader(participant, topic, q, NULL);
  dds_delete_qos(q);
  return r;
}

int32_t aps_readcondition_create(int32_t reader)
{
  return dds_create_readcondition(reader, DDS_ANY_STATE);
}

int32_t aps_waitset_create(int32_t participant) { return dds_create_waitset(participant); }

int32_t aps_waitset_attach(int32_t waitset, int32_t entity, int64_t arg)
{
  return dds_waitset_attach(waitset, entity, (dds_attach_t) arg);
}

int32_t aps_waitset_detach(int32_t waitset, int32_t entity) { return dds_waitset_detach(waitset, entity); }

int32_t aps_waitset_wait(int32_t waitset, int64_t *triggered, int32_t capacity, int64_t timeout_ns)
{
  dds_attach_t xs[64];
  size_t n = capacity < 0 ? 0 : (size_t) capacity;
  if (n > 64)
    n = 64;
  int32_t rc = dds_waitset_wait(waitset, xs, n, timeout_ns < 0 ? DDS_INFINITY : timeout_ns);
  for (int32_t i = 0; i < rc && (size_t) i < n; i++)
    triggered[i] = (int64_t) xs[i];
  return rc;
}

int32_t aps_guard_create(int32_t participant) { return dds_create_guardcondition(participant); }

int32_t aps_guard_set(int32_t guard, int32_t triggered) { return dds_set_guardcondition(guard, triggered != 0); }

int32_t aps_guard_take(int32_t guard, int32_t *triggered)
{
  bool t = false;
  int32_t rc = dds_take_guardcondition(guard, &t);
  *triggered = t ? 1 : 0;
  return rc;
}

int32_t aps_instance_handle(int32_t entity, uint64_t *out)
{
  dds_instance_handle_t h = 0;
  int32_t rc = dds_get_instance_handle(entity, &h);
  *out = h;
  return rc;
}

int32_t aps_guid(int32_t entity, uint8_t *out16)
{
  dds_guid_t g;
  int32_t rc = dds_get_guid(entity, &g);
  if (rc == DDS_RETCODE_OK)
    memcpy(out16, g.v, 16);
  return rc;
}
