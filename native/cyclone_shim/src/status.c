/* Communication statuses, flattened to blittable structs. */
#include "dds/dds.h"
#include "internal.h"

int32_t aps_set_status_mask(int32_t entity, uint32_t mask) { return dds_set_status_mask(entity, mask); }

int32_t aps_take_status(int32_t entity, uint32_t *status, uint32_t mask) { return dds_take_status(entity, status, mask); }

int32_t aps_publication_matched(int32_t writer, aps_matched *out)
{
  dds_publication_matched_status_t s;
  int32_t rc = dds_get_publication_matched_status(writer, &s);
  if (rc == DDS_RETCODE_OK)
    *out = (aps_matched){ (int32_t) s.total_count, s.total_count_change, (int32_t) s.current_count, s.current_count_change, s.last_subscription_handle };
  return rc;
}

int32_t aps_subscription_matched(int32_t reader, aps_matched *out)
{
  dds_subscription_matched_status_t s;
  int32_t rc = dds_get_subscription_matched_status(reader, &s);
  if (rc == DDS_RETCODE_OK)
    *out = (aps_matched){ (int32_t) s.total_count, s.total_count_change, (int32_t) s.current_count, s.current_count_change, s.last_publication_handle };
  return rc;
}

int32_t aps_offered_incompatible(int32_t writer, aps_incompatible *out)
{
  dds_offered_incompatible_qos_status_t s;
  int32_t rc = dds_get_offered_incompatible_qos_status(writer, &s);
  if (rc == DDS_RETCODE_OK)
    *out = (aps_incompatible){ (int32_t) s.total_count, s.total_count_change, (int32_t) s.last_policy_id, 0 };
  return rc;
}

int32_t aps_requested_incompatible(int32_t reader, aps_incompatible *out)
{
  dds_requested_incompatible_qos_status_t s;
  int32_t rc = dds_get_requested_incompatible_qos_status(reader, &s);
  if (rc == DDS_RETCODE_OK)
    *out = (aps_incompatible){ (int32_t) s.total_count, s.total_count_change, (int32_t) s.last_policy_id, 0 };
  return rc;
}
