/* The opaque, keyless sertype: Cyclone stores and forwards the serialized bytes (encapsulation
 * header included) and never interprets them. Apprentice serializes and deserializes in C#. */
#include <stdlib.h>
#include <string.h>
#include "dds/dds.h"
#include "dds/ddsi/ddsi_sertype.h"
#include "dds/ddsi/ddsi_serdata.h"
#include "dds/ddsi/q_radmin.h"
#include "internal.h"

typedef struct aps_serdata {
  struct ddsi_serdata c;
  uint32_t size;        /* bytes in data, a multiple of 4 for data written here */
  uint8_t *data;
} aps_serdata;

static const struct ddsi_serdata_ops aps_serdata_ops;

static uint32_t align4(size_t n) { return (uint32_t) ((n + 3u) & ~(size_t) 3u); }

static aps_serdata *serdata_new(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, size_t size)
{
  aps_serdata *d = malloc(sizeof(*d));
  if (d == NULL)
    return NULL;
  ddsi_serdata_init(&d->c, type, kind);
  d->size = (uint32_t) size;
  d->data = NULL;
  if (size > 0)
  {
    /* Room for 4-byte alignment: Cyclone may read up to alignup4(size). */
    d->data = calloc(1, align4(size));
    if (d->data == NULL)
    {
      free(d);
      return NULL;
    }
  }
  return d;
}

static bool sd_eqkey(const struct ddsi_serdata *a, const struct ddsi_serdata *b)
{
  (void) a; (void) b;
  return true; /* keyless: one instance */
}

static uint32_t sd_get_size(const struct ddsi_serdata *dcmn)
{
  return ((const aps_serdata *) dcmn)->size;
}

static void sd_free(struct ddsi_serdata *dcmn)
{
  aps_serdata *d = (aps_serdata *) dcmn;
  free(d->data);
  free(d);
}

static struct ddsi_serdata *sd_from_ser(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, const struct nn_rdata *fragchain, size_t size)
{
  aps_serdata *d = serdata_new(type, kind, size);
  if (d == NULL)
    return NULL;
  /* Fragments arrive in order and may overlap: copy only the part past what we have. */
  uint32_t off = 0;
  while (fragchain != NULL)
  {
    if (fragchain->maxp1 > off)
    {
      const unsigned char *payload = NN_RMSG_PAYLOADOFF(fragchain->rmsg, NN_RDATA_PAYLOAD_OFF(fragchain));
      uint32_t end = fragchain->maxp1 > size ? (uint32_t) size : fragchain->maxp1;
      if (end > off)
        memcpy(d->data + off, payload + (off - fragchain->min), end - off);
      off = fragchain->maxp1;
    }
    fragchain = fragchain->nextfrag;
  }
  return &d->c;
}

static struct ddsi_serdata *sd_from_ser_iov(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, ddsrt_msg_iovlen_t niov, const ddsrt_iovec_t *iov, size_t size)
{
  aps_serdata *d = serdata_new(type, kind, size);
  if (d == NULL)
    return NULL;
  size_t off = 0;
  for (ddsrt_msg_iovlen_t i = 0; i < niov && off < size; i++)
  {
    size_t n = iov[i].iov_len;
    if (n > size - off)
      n = size - off;
    memcpy(d->data + off, iov[i].iov_base, n);
    off += n;
  }
  return &d->c;
}

static struct ddsi_serdata *sd_from_keyhash(const struct ddsi_sertype *type, const struct ddsi_keyhash *keyhash)
{
  (void) keyhash;
  aps_serdata *d = serdata_new(type, SDK_KEY, 0);
  return d ? &d->c : NULL;
}

static struct ddsi_serdata *sd_from_sample(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, const void *sample)
{
  const aps_write_sample *s = sample;
  if (kind != SDK_DATA)
  {
    aps_serdata *k = serdata_new(type, kind, 0);
    return k ? &k->c : NULL;
  }
  /* Pad to a multiple of 4 with zeros, as rmw_cyclonedds does. */
  aps_serdata *d = serdata_new(type, kind, align4(s->size));
  if (d == NULL)
    return NULL;
  if (s->size > 0)
    memcpy(d->data, s->data, s->size);
  /* Say how many bytes are padding in the low two bits of the encapsulation options (XTypes
     7.6.3.1.2), as Cyclone's own serializer does, so readers can tell padding from payload. */
  uint32_t pad = d->size - s->size;
  if (s->size >= 4 && pad > 0)
    d->data[3] = (unsigned char) ((d->data[3] & ~3u) | pad);
  return &d->c;
}

static void sd_to_ser(const struct ddsi_serdata *dcmn, size_t off, size_t sz, void *buf)
{
  const aps_serdata *d = (const aps_serdata *) dcmn;
  memcpy(buf, d->data + off, sz);
}

static struct ddsi_serdata *sd_to_ser_ref(const struct ddsi_serdata *dcmn, size_t off, size_t sz, ddsrt_iovec_t *ref)
{
  const aps_serdata *d = (const aps_serdata *) dcmn;
  ref->iov_base = d->data + off;
  ref->iov_len = (ddsrt_iov_len_t) sz;
  return ddsi_serdata_ref(dcmn);
}

static void sd_to_ser_unref(struct ddsi_serdata *dcmn, const ddsrt_iovec_t *ref)
{
  (void) ref;
  ddsi_serdata_unref(dcmn);
}

static bool sd_to_sample(const struct ddsi_serdata *dcmn, void *sample, void **bufptr, void *buflim)
{
  /* Only reached through dds_read/dds_take, which Apprentice does not use: hand out a view. */
  (void) bufptr; (void) buflim;
  const aps_serdata *d = (const aps_serdata *) dcmn;
  aps_write_sample *s = sample;
  s->data = d->data;
  s->size = d->size;
  return true;
}

static struct ddsi_serdata *sd_to_untyped(const struct ddsi_serdata *dcmn)
{
  /* The instance map keeps this for the topic's lifetime: keep it empty, not a payload copy. */
  aps_serdata *k = serdata_new(dcmn->type, SDK_KEY, 0);
  if (k == NULL)
    return NULL;
  k->c.type = NULL;
  return &k->c;
}

static bool sd_untyped_to_sample(const struct ddsi_sertype *type, const struct ddsi_serdata *d, void *sample, void **bufptr, void *buflim)
{
  (void) type; (void) d; (void) bufptr; (void) buflim;
  aps_write_sample *s = sample;
  if (s != NULL)
  {
    s->data = NULL;
    s->size = 0;
  }
  return true;
}

static size_t sd_print(const struct ddsi_sertype *type, const struct ddsi_serdata *dcmn, char *buf, size_t bufsize)
{
  (void) type;
  return (size_t) snprintf(buf, bufsize, "(%u opaque bytes)", ((const aps_serdata *) dcmn)->size);
}

static void sd_get_keyhash(const struct ddsi_serdata *d, struct ddsi_keyhash *buf, bool force_md5)
{
  (void) d; (void) force_md5;
  memset(buf->value, 0, sizeof(buf->value));
}

static const struct ddsi_serdata_ops aps_serdata_ops = {
  .eqkey = sd_eqkey,
  .get_size = sd_get_size,
  .from_ser = sd_from_ser,
  .from_ser_iov = sd_from_ser_iov,
  .from_keyhash = sd_from_keyhash,
  .from_sample = sd_from_sample,
  .to_ser = sd_to_ser,
  .to_ser_ref = sd_to_ser_ref,
  .to_ser_unref = sd_to_ser_unref,
  .to_sample = sd_to_sample,
  .to_untyped = sd_to_untyped,
  .untyped_to_sample = sd_untyped_to_sample,
  .free = sd_free,
  .print = sd_print,
  .get_keyhash = sd_get_keyhash,
};

/* ---- sertype ---- */

static void st_free(struct ddsi_sertype *tp)
{
  ddsi_sertype_fini(tp);
  free(tp);
}

static void st_zero_samples(const struct ddsi_sertype *d, void *samples, size_t count)
{
  (void) d;
  memset(samples, 0, count * sizeof(aps_write_sample));
}

static void st_realloc_samples(void **ptrs, const struct ddsi_sertype *d, void *old, size_t oldcount, size_t count)
{
  (void) d;
  char *p = realloc(old, count * sizeof(aps_write_sample));
  if (p != NULL && count > oldcount)
    memset(p + oldcount * sizeof(aps_write_sample), 0, (count - oldcount) * sizeof(aps_write_sample));
  for (size_t i = 0; i < count; i++)
    ptrs[i] = p + i * sizeof(aps_write_sample);
}

static void st_free_samples(const struct ddsi_sertype *d, void **ptrs, size_t count, dds_free_op_t op)
{
  (void) d; (void) count;
  /* Samples only borrow serdata bytes; nothing of theirs to free but the array itself. */
  if ((op & DDS_FREE_ALL_BIT) && ptrs != NULL)
    free(ptrs[0]);
}

static bool st_equal(const struct ddsi_sertype *a, const struct ddsi_sertype *b)
{
  (void) a; (void) b;
  return true; /* name and ops already compared by Cyclone; nothing else distinguishes them */
}

static uint32_t st_hash(const struct ddsi_sertype *tp)
{
  (void) tp;
  return 0x41505331u;
}

static const struct ddsi_sertype_ops aps_sertype_ops = {
  .version = ddsi_sertype_v0,
  .arg = NULL,
  .free = st_free,
  .zero_samples = st_zero_samples,
  .realloc_samples = st_realloc_samples,
  .free_samples = st_free_samples,
  .equal = st_equal,
  .hash = st_hash,
  /* type_id/type_map/type_info left NULL: matching uses topic and type names only. */
};

struct ddsi_sertype *aps_sertype_new(const char *type_name)
{
  struct ddsi_sertype *st = calloc(1, sizeof(*st));
  if (st == NULL)
    return NULL;
  ddsi_sertype_init_flags(st, type_name, &aps_sertype_ops, &aps_serdata_ops, DDSI_SERTYPE_FLAG_TOPICKIND_NO_KEY);
  st->allowed_data_representation = DDS_DATA_REPRESENTATION_FLAG_XCDR1;
  return st;
}

/* Public entry points that touch serdata internals. */

int32_t aps_write(int32_t writer, const uint8_t *data, uint32_t size, int64_t source_timestamp_ns)
{
  aps_write_sample s = { data, size };
  return dds_write_ts(writer, &s, source_timestamp_ns);
}

int32_t aps_take(int32_t reader_or_condition, aps_sample *out)
{
  struct ddsi_serdata *sd = NULL;
  dds_sample_info_t si;
  int32_t n = dds_takecdr(reader_or_condition, &sd, 1, &si, DDS_ANY_STATE);
  if (n <= 0)
    return n;
  const aps_serdata *d = (const aps_serdata *) sd;
  out->serdata = sd;
  out->valid = si.valid_data ? 1 : 0;
  out->data = si.valid_data ? d->data : NULL;
  out->size = si.valid_data ? d->size : 0;
  out->source_timestamp_ns = si.source_timestamp;
  out->publication_handle = si.publication_handle;
  return 1;
}

void aps_release(void *serdata)
{
  if (serdata != NULL)
    ddsi_serdata_unref(serdata);
}
