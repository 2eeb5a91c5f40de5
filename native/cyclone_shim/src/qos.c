/* aps_qos <-> dds_qos_t, following rmw_cyclonedds' create_readwrite_qos. */
#include "dds/dds.h"
#include "internal.h"

static dds_duration_t dur(int64_t ns) { return ns <= 0 ? DDS_INFINITY : ns; }
static int64_t undur(dds_duration_t d) { return d == DDS_INFINITY ? 0 : d; }

dds_qos_t *aps_qos_to_dds(const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size)
{
  dds_qos_t *q = dds_create_qos();
  if (qos->reliability == 1)
    dds_qset_reliability(q, DDS_RELIABILITY_RELIABLE, qos->max_blocking_ns < 0 ? DDS_INFINITY : qos->max_blocking_ns);
  else if (qos->reliability == 2)
    dds_qset_reliability(q, DDS_RELIABILITY_BEST_EFFORT, 0);

  dds_history_kind_t hk = qos->history == 2 ? DDS_HISTORY_KEEP_ALL : DDS_HISTORY_KEEP_LAST;
  int32_t depth = qos->depth > 0 ? qos->depth : 1;
  if (qos->history == 1 || qos->history == 2)
    dds_qset_history(q, hk, depth);

  if (qos->durability == 1)
  {
    dds_qset_durability(q, DDS_DURABILITY_TRANSIENT_LOCAL);
    /* Without this Cyclone replays only the last sample to late joiners. */
    dds_qset_durability_service(q, 0, hk, depth, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED);
  }
  else if (qos->durability == 2)
    dds_qset_durability(q, DDS_DURABILITY_VOLATILE);

  if (qos->deadline_ns > 0)
    dds_qset_deadline(q, qos->deadline_ns);
  if (qos->lifespan_ns > 0)
    dds_qset_lifespan(q, qos->lifespan_ns);
  if (qos->liveliness == 1)
    dds_qset_liveliness(q, DDS_LIVELINESS_AUTOMATIC, dur(qos->liveliness_lease_ns));
  else if (qos->liveliness == 3)
    dds_qset_liveliness(q, DDS_LIVELINESS_MANUAL_BY_TOPIC, dur(qos->liveliness_lease_ns));
  if (qos->ignore_local == 1)
    dds_qset_ignorelocal(q, DDS_IGNORELOCAL_PARTICIPANT);
  else if (qos->ignore_local == 2)
    dds_qset_ignorelocal(q, DDS_IGNORELOCAL_PROCESS);

  dds_data_representation_id_t rep = DDS_DATA_REPRESENTATION_XCDR1;
  dds_qset_data_representation(q, 1, &rep);
  if (user_data != NULL && user_data_size > 0)
    dds_qset_userdata(q, user_data, user_data_size);
  return q;
}

void aps_qos_from_dds(const dds_qos_t *qos, aps_qos *out)
{
  *out = (aps_qos){ 0 };
  dds_reliability_kind_t rk;
  dds_duration_t mb;
  if (dds_qget_reliability(qos, &rk, &mb))
  {
    out->reliability = rk == DDS_RELIABILITY_RELIABLE ? 1 : 2;
    out->max_blocking_ns = mb == DDS_INFINITY ? -1 : mb;
  }
  dds_durability_kind_t dk;
  if (dds_qget_durability(qos, &dk))
    out->durability = dk == DDS_DURABILITY_VOLATILE ? 2 : 1; /* transient/persistent count as local */
  dds_history_kind_t hk;
  int32_t depth;
  if (dds_qget_history(qos, &hk, &depth))
  {
    out->history = hk == DDS_HISTORY_KEEP_ALL ? 2 : 1;
    out->depth = depth;
  }
  dds_duration_t d;
  if (dds_qget_deadline(qos, &d))
    out->deadline_ns = undur(d);
  if (dds_qget_lifespan(qos, &d))
    out->lifespan_ns = undur(d);
  dds_liveliness_kind_t lk;
  if (dds_qget_liveliness(qos, &lk, &d))
  {
    out->liveliness = lk == DDS_LIVELINESS_AUTOMATIC ? 1 : lk == DDS_LIVELINESS_MANUAL_BY_TOPIC ? 3 : 2;
    out->liveliness_lease_ns = undur(d);
  }
}
