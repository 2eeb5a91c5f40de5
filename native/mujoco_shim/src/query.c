/* Names, positions, contacts and ray casts. */
#include <math.h>
#include <string.h>
#include "internal.h"

int32_t apx_name2id(const apx_sim *sim, int32_t objtype, const char *name) {
  if (!sim || !name) {
    return APX_E_ARG;
  }
  return mj_name2id(sim->m, objtype, name);
}

int32_t apx_position(const apx_sim *sim, int32_t kind, int32_t id, double out[3]) {
  if (!sim || !out || id < 0) {
    return APX_E_ARG;
  }
  const mjModel *m = sim->m;
  const mjtNum *src;
  switch (kind) {
    case 0: if (id >= m->nbody) return APX_E_ARG; src = sim->d->xpos + 3 * id; break;
    case 1: if (id >= m->ngeom) return APX_E_ARG; src = sim->d->geom_xpos + 3 * id; break;
    case 2: if (id >= m->nsite) return APX_E_ARG; src = sim->d->site_xpos + 3 * id; break;
    default: return APX_E_ARG;
  }
  memcpy(out, src, 3 * sizeof(double));
  return 0;
}

int32_t apx_geom_body(const apx_sim *sim, int32_t geom) {
  if (!sim || geom < 0 || geom >= sim->m->ngeom) {
    return APX_E_ARG;
  }
  return sim->m->geom_bodyid[geom];
}

int32_t apx_set_mocap_pos(apx_sim *sim, int32_t body, const double pos[3]) {
  if (!sim || !pos || body < 0 || body >= sim->m->nbody) {
    return APX_E_ARG;
  }
  int mocap = sim->m->body_mocapid[body];
  if (mocap < 0) {
    return APX_E_ARG;
  }
  memcpy(sim->d->mocap_pos + 3 * mocap, pos, 3 * sizeof(double));
  return 0;
}

int32_t apx_contact_count(const apx_sim *sim) { return sim ? sim->d->ncon : APX_E_ARG; }

int32_t apx_contacts(const apx_sim *sim, apx_contact *out, int32_t max) {
  if (!sim || !out || max < 0) {
    return APX_E_ARG;
  }
  int32_t n = sim->d->ncon < max ? sim->d->ncon : max;
  for (int32_t i = 0; i < n; i++) {
    const mjContact *c = sim->d->contact + i;
    out[i].geom1 = c->geom1;
    out[i].geom2 = c->geom2;
    out[i].dist = c->dist;
  }
  return n;
}

static void groups(int32_t mask, mjtByte group[mjNGROUP]) {
  for (int i = 0; i < mjNGROUP; i++) {
    group[i] = (mjtByte)((mask >> i) & 1);
  }
}

double apx_ray(const apx_sim *sim, const double pnt[3], const double vec[3], int32_t group_mask, int32_t body_exclude,
               int32_t *geom) {
  if (!sim || !pnt || !vec) {
    return -1;
  }
  mjtByte group[mjNGROUP];
  groups(group_mask, group);
  int id = -1;
  double dist = mj_ray(sim->m, sim->d, pnt, vec, group, 1, body_exclude, &id);
  if (geom) {
    *geom = id;
  }
  return dist;
}

int32_t apx_ray_fan(const apx_sim *sim, const double origin[3], double angle_min, double angle_inc, int32_t count,
                    double range_max, int32_t group_mask, float *ranges) {
  if (!sim || !origin || !ranges || count < 0) {
    return APX_E_ARG;
  }
  mjtByte group[mjNGROUP];
  groups(group_mask, group);
  for (int32_t i = 0; i < count; i++) {
    double a = angle_min + i * angle_inc;
    double vec[3] = {cos(a), sin(a), 0};
    int id = -1;
    double dist = mj_ray(sim->m, sim->d, origin, vec, group, 1, -1, &id);
    ranges[i] = (id < 0 || dist < 0 || dist > range_max) ? INFINITY : (float)dist;
  }
  return count;
}
