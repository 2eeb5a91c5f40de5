/* Reset, stepping and state vectors. */
#include <string.h>
#include "internal.h"

int32_t apx_reset(apx_sim *sim) {
  if (!sim) {
    return APX_E_ARG;
  }
  mj_resetData(sim->m, sim->d);
  mj_forward(sim->m, sim->d);
  return 0;
}

int32_t apx_forward(apx_sim *sim) {
  if (!sim) {
    return APX_E_ARG;
  }
  mj_forward(sim->m, sim->d);
  return 0;
}

int32_t apx_step(apx_sim *sim, int32_t n, int32_t compensate_bias, const double *feedforward,
                 const double *ctrl_rate) {
  if (!sim || n < 0) {
    return APX_E_ARG;
  }
  const mjModel *m = sim->m;
  mjData *d = sim->d;
  for (int32_t k = 0; k < n; k++) {
    if (ctrl_rate) {
      for (int i = 0; i < m->nu; i++) {
        double c = d->ctrl[i] + ctrl_rate[i] * m->opt.timestep;
        if (m->actuator_ctrllimited[i]) {
          c = mju_clip(c, m->actuator_ctrlrange[2 * i], m->actuator_ctrlrange[2 * i + 1]);
        }
        d->ctrl[i] = c;
      }
    }
    if (compensate_bias || feedforward) {
      /* step1 computes qfrc_bias at the current state; the torque is applied before step2 integrates. */
      mj_step1(m, d);
      for (int i = 0; i < m->nv; i++) {
        d->qfrc_applied[i] = (compensate_bias ? d->qfrc_bias[i] : 0) + (feedforward ? feedforward[i] : 0);
      }
      mj_step2(m, d);
    } else {
      mj_step(m, d);
    }
  }
  /* Leave positions, contacts and site poses consistent with the new state for the queries. */
  mj_forward(m, d);
  return 0;
}

double apx_time(const apx_sim *sim) { return sim ? sim->d->time : -1; }

static mjtNum *vector(const apx_sim *sim, int32_t which, int32_t *size) {
  const mjModel *m = sim->m;
  mjData *d = sim->d;
  switch (which) {
    case 0: *size = m->nq; return d->qpos;
    case 1: *size = m->nv; return d->qvel;
    case 2: *size = m->nu; return d->ctrl;
    case 3: *size = m->nv; return d->qfrc_applied;
    case 4: *size = 3 * m->nmocap; return d->mocap_pos;
    case 5: *size = m->nv; return sim->m->dof_damping;
    default: *size = 0; return NULL;
  }
}

int32_t apx_get(const apx_sim *sim, int32_t which, double *out, int32_t len) {
  if (!sim || !out) {
    return APX_E_ARG;
  }
  int32_t size;
  mjtNum *v = vector(sim, which, &size);
  if (!v || len != size) {
    return APX_E_ARG;
  }
  memcpy(out, v, sizeof(double) * (size_t)size);
  return size;
}

int32_t apx_set(apx_sim *sim, int32_t which, const double *in, int32_t len) {
  if (!sim || !in) {
    return APX_E_ARG;
  }
  int32_t size;
  mjtNum *v = vector(sim, which, &size);
  if (!v || len != size) {
    return APX_E_ARG;
  }
  memcpy(v, in, sizeof(double) * (size_t)size);
  return size;
}
