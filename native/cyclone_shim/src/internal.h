#ifndef APS_INTERNAL_H
#define APS_INTERNAL_H
#include "dds/dds.h"
#include "shim.h"

struct ddsi_sertype;
/* A fresh opaque keyless sertype named type_name (the caller's reference). */
struct ddsi_sertype *aps_sertype_new(const char *type_name);
/* The sample handed to dds_write_ts: bytes the serdata copies. */
typedef struct aps_write_sample {
  const uint8_t *data;
  uint32_t size;
} aps_write_sample;
/* Fills a dds_qos_t from aps_qos and user data; caller deletes it. */
dds_qos_t *aps_qos_to_dds(const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size);
/* Reads the policies Apprentice cares about back into aps_qos. */
void aps_qos_from_dds(const dds_qos_t *qos, aps_qos *out);
#endif
