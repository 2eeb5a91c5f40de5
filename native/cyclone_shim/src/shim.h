/* Apprentice Cyclone DDS shim: the exported, blittable API that Apprentice.Dds binds with
 * LibraryImport. Entities are Cyclone handles (int32, negative = DDS return code). Every struct
 * here is mirrored field for field in C# (src/Apprentice.Dds/Interop); change both together. */
#ifndef APS_SHIM_H
#define APS_SHIM_H

#include <stdint.h>

#define APS_EXPORT __attribute__((visibility("default")))

/* QoS as Apprentice passes it. Kinds use the rmw enum values: 0 = leave the DDS default. */
typedef struct aps_qos {
  int32_t reliability;          /* 1 reliable, 2 best effort */
  int32_t durability;           /* 1 transient local, 2 volatile */
  int32_t history;              /* 1 keep last, 2 keep all */
  int32_t depth;                /* keep-last depth (>= 1) */
  int32_t liveliness;           /* 1 automatic, 3 manual by topic */
  int32_t ignore_local;         /* 0 none, 1 same participant, 2 same process */
  int64_t deadline_ns;          /* <= 0: infinite */
  int64_t lifespan_ns;          /* <= 0: infinite */
  int64_t liveliness_lease_ns;  /* <= 0: infinite */
  int64_t max_blocking_ns;      /* reliable writers; < 0: infinite */
} aps_qos;

/* One taken sample, borrowed: data stays valid until aps_release(serdata). */
typedef struct aps_sample {
  void *serdata;
  const uint8_t *data;          /* encapsulation header + CDR body */
  uint32_t size;
  int32_t valid;                /* 0: a state change without data (data is NULL) */
  int64_t source_timestamp_ns;
  uint64_t publication_handle;
} aps_sample;

typedef struct aps_matched {
  int32_t total_count;
  int32_t total_count_change;
  int32_t current_count;
  int32_t current_count_change;
  uint64_t last_handle;
} aps_matched;

typedef struct aps_incompatible {
  int32_t total_count;
  int32_t total_count_change;
  int32_t last_policy_id;       /* dds_qos_policy_id_t */
  int32_t reserved;
} aps_incompatible;

/* A discovered endpoint from DCPSPublication/DCPSSubscription, borrowed until aps_builtin_release. */
typedef struct aps_endpoint {
  uint8_t guid[16];
  uint8_t participant_guid[16];
  const char *topic_name;       /* NULL for a disposal without data */
  const char *type_name;
  const uint8_t *user_data;
  uint32_t user_data_size;
  int32_t alive;                /* 0: the endpoint went away */
  aps_qos qos;
  void *loan;
} aps_endpoint;

APS_EXPORT const char *aps_strerror(int32_t rc);
APS_EXPORT const char *aps_cyclone_version(void);

APS_EXPORT int32_t aps_domain_create(uint32_t domain_id, const char *config);
APS_EXPORT int32_t aps_participant_create(uint32_t domain_id, const uint8_t *user_data, uint32_t user_data_size);
APS_EXPORT int32_t aps_delete(int32_t entity);
APS_EXPORT int32_t aps_topic_create(int32_t participant, const char *topic_name, const char *type_name);
APS_EXPORT int32_t aps_writer_create(int32_t participant, int32_t topic, const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size);
APS_EXPORT int32_t aps_reader_create(int32_t participant, int32_t topic, const aps_qos *qos, const uint8_t *user_data, uint32_t user_data_size);
APS_EXPORT int32_t aps_readcondition_create(int32_t reader);

APS_EXPORT int32_t aps_write(int32_t writer, const uint8_t *data, uint32_t size, int64_t source_timestamp_ns);
APS_EXPORT int32_t aps_take(int32_t reader_or_condition, aps_sample *out);
APS_EXPORT void aps_release(void *serdata);

APS_EXPORT int32_t aps_waitset_create(int32_t participant);
APS_EXPORT int32_t aps_waitset_attach(int32_t waitset, int32_t entity, int64_t arg);
APS_EXPORT int32_t aps_waitset_detach(int32_t waitset, int32_t entity);
APS_EXPORT int32_t aps_waitset_wait(int32_t waitset, int64_t *triggered, int32_t capacity, int64_t timeout_ns);
APS_EXPORT int32_t aps_guard_create(int32_t participant);
APS_EXPORT int32_t aps_guard_set(int32_t guard, int32_t triggered);
APS_EXPORT int32_t aps_guard_take(int32_t guard, int32_t *triggered);

APS_EXPORT int32_t aps_set_status_mask(int32_t entity, uint32_t mask);
APS_EXPORT int32_t aps_take_status(int32_t entity, uint32_t *status, uint32_t mask);
APS_EXPORT int32_t aps_publication_matched(int32_t writer, aps_matched *out);
APS_EXPORT int32_t aps_subscription_matched(int32_t reader, aps_matched *out);
APS_EXPORT int32_t aps_offered_incompatible(int32_t writer, aps_incompatible *out);
APS_EXPORT int32_t aps_requested_incompatible(int32_t reader, aps_incompatible *out);
APS_EXPORT int32_t aps_instance_handle(int32_t entity, uint64_t *out);
APS_EXPORT int32_t aps_guid(int32_t entity, uint8_t *out16);

APS_EXPORT int32_t aps_builtin_reader_create(int32_t participant, int32_t publications);
APS_EXPORT int32_t aps_builtin_take(int32_t reader, aps_endpoint *out);
APS_EXPORT void aps_builtin_release(int32_t reader, aps_endpoint *endpoint);

#endif
