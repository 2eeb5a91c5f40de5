#ifndef APX_INTERNAL_H
#define APX_INTERNAL_H

#include <mujoco/mujoco.h>
#include "shim.h"

struct apx_render_state;

struct apx_sim {
  mjModel *m;
  mjData *d;
  struct apx_render_state *render;
};

void apx_copy_error(char *error, int32_t error_len, const char *text);
void apx_render_free(struct apx_render_state *r);

#endif
