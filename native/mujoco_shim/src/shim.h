/* Apprentice MuJoCo shim: the exported, blittable API that Apprentice.Sim binds with LibraryImport
 * (src/Apprentice.Sim/Interop/MujocoNative.cs mirrors it; change both together).
 * Conventions: functions returning int give 0 (or a count/id >= 0) on success and a negative
 * APX_E_* code on failure; arrays are copied, never borrowed; one apx_sim is not thread-safe. */
#ifndef APX_SHIM_H
#define APX_SHIM_H

#include <stdint.h>

#define APX_EXPORT __attribute__((visibility("default")))

#define APX_E_ARG (-1)      /* null handle, bad index or bad length */
#define APX_E_RENDER (-2)   /* rendering not initialised or failed */

/* Object kinds for apx_name2id (MuJoCo's mjtObj values). */
#define APX_OBJ_BODY 1
#define APX_OBJ_JOINT 3
#define APX_OBJ_GEOM 5
#define APX_OBJ_SITE 6
#define APX_OBJ_CAMERA 7
#define APX_OBJ_ACTUATOR 19

typedef struct apx_sim apx_sim;

typedef struct apx_dims {
  int32_t nq, nv, nu, nbody, ngeom, nsite, nmocap, ncam;
  double timestep;
} apx_dims;

typedef struct apx_contact {
  int32_t geom1, geom2;
  double dist;  /* signed distance [m]; negative = penetration */
} apx_contact;

APX_EXPORT const char *apx_mujoco_version(void);
APX_EXPORT apx_sim *apx_load_xml_string(const char *xml, char *error, int32_t error_len);
APX_EXPORT apx_sim *apx_load_xml_file(const char *path, char *error, int32_t error_len);
APX_EXPORT void apx_free(apx_sim *sim);
APX_EXPORT int32_t apx_get_dims(const apx_sim *sim, apx_dims *dims);

APX_EXPORT int32_t apx_reset(apx_sim *sim);
APX_EXPORT int32_t apx_forward(apx_sim *sim);
/* n physics steps; compensate_bias != 0 applies qfrc_bias (gravity + Coriolis) as a joint torque,
 * as a real arm's controller does. feedforward (length nv, may be NULL) is added to the joint torque.
 * ctrl_rate (length nu, may be NULL) advances ctrl by ctrl_rate*timestep before each step, clamped to
 * the actuator's ctrlrange when limited (a forward velocity controller over position actuators). */
APX_EXPORT int32_t apx_step(apx_sim *sim, int32_t n, int32_t compensate_bias, const double *feedforward,
                            const double *ctrl_rate);
APX_EXPORT double apx_time(const apx_sim *sim);

/* which: 0 qpos, 1 qvel, 2 ctrl, 3 qfrc_applied, 4 mocap_pos (3*nmocap), 5 dof_damping (model). */
APX_EXPORT int32_t apx_get(const apx_sim *sim, int32_t which, double *out, int32_t len);
APX_EXPORT int32_t apx_set(apx_sim *sim, int32_t which, const double *in, int32_t len);

APX_EXPORT int32_t apx_name2id(const apx_sim *sim, int32_t objtype, const char *name);
/* kind: 0 body xpos, 1 geom xpos, 2 site xpos. */
APX_EXPORT int32_t apx_position(const apx_sim *sim, int32_t kind, int32_t id, double out[3]);
APX_EXPORT int32_t apx_geom_body(const apx_sim *sim, int32_t geom);
APX_EXPORT int32_t apx_set_mocap_pos(apx_sim *sim, int32_t body, const double pos[3]);

APX_EXPORT int32_t apx_contact_count(const apx_sim *sim);
/* Copies up to max contacts; returns how many were copied. */
APX_EXPORT int32_t apx_contacts(const apx_sim *sim, apx_contact *out, int32_t max);

/* Ray from pnt along unit vec, geoms whose group bit is set in group_mask; body_exclude = -1 for none.
 * Returns the distance [m] or -1 when nothing is hit; *geom gets the geom id or -1. */
APX_EXPORT double apx_ray(const apx_sim *sim, const double pnt[3], const double vec[3], int32_t group_mask,
                          int32_t body_exclude, int32_t *geom);
/* A horizontal fan of count rays from origin, angle angle_min + i*angle_inc about +z (0 = +x);
 * ranges[i] = distance, or +inf when nothing is hit within range_max. */
APX_EXPORT int32_t apx_ray_fan(const apx_sim *sim, const double origin[3], double angle_min, double angle_inc,
                               int32_t count, double range_max, int32_t group_mask, float *ranges);

/* Offscreen rendering through EGL (surfaceless/pbuffer on the default display). */
APX_EXPORT int32_t apx_render_init(apx_sim *sim, int32_t width, int32_t height, char *error, int32_t error_len);
/* Renders camera cam (fixed camera id; -1 = free camera) into rgb (width*height*3, top row first). */
APX_EXPORT int32_t apx_render(apx_sim *sim, int32_t cam, uint8_t *rgb, int32_t len);

#endif
