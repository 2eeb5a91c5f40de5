/* Loading and freeing models. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

void apx_copy_error(char *error, int32_t error_len, const char *text) {
  if (error && error_len > 0) {
    snprintf(error, (size_t)error_len, "%s", text);
  }
}

const char *apx_mujoco_version(void) { return mj_versionString(); }

static apx_sim *wrap(mjModel *m, char *error, int32_t error_len) {
  if (!m) {
    return NULL;
  }
  mjData *d = mj_makeData(m);
  if (!d) {
    mj_deleteModel(m);
    apx_copy_error(error, error_len, "mj_makeData failed (out of memory?)");
    return NULL;
  }
  apx_sim *sim = calloc(1, sizeof(apx_sim));
  if (!sim) {
    mj_deleteData(d);
    mj_deleteModel(m);
    apx_copy_error(error, error_len, "out of memory");
    return NULL;
  }
  sim->m = m;
  sim->d = d;
  mj_forward(m, d);
  return sim;
}

apx_sim *apx_load_xml_file(const char *path, char *error, int32_t error_len) {
  if (!path) {
    apx_copy_error(error, error_len, "path is null");
    return NULL;
  }
  char err[1000] = {0};
  mjModel *m = mj_loadXML(path, NULL, err, sizeof(err));
  if (!m) {
    apx_copy_error(error, error_len, err[0] ? err : "mj_loadXML failed");
  }
  return wrap(m, error, error_len);
}

apx_sim *apx_load_xml_string(const char *xml, char *error, int32_t error_len) {
  if (!xml) {
    apx_copy_error(error, error_len, "xml is null");
    return NULL;
  }
  /* mjVFS is large (thousands of file slots): keep it off the stack. */
  mjVFS *vfs = malloc(sizeof(mjVFS));
  if (!vfs) {
    apx_copy_error(error, error_len, "out of memory");
    return NULL;
  }
  mj_defaultVFS(vfs);
  const char *name = "apprentice_scene.xml";
  int len = (int)strlen(xml);
  if (mj_makeEmptyFileVFS(vfs, name, len) != 0) {
    free(vfs);
    apx_copy_error(error, error_len, "could not place the XML in MuJoCo's virtual file system");
    return NULL;
  }
  int idx = mj_findFileVFS(vfs, name);
  memcpy(vfs->filedata[idx], xml, (size_t)len);
  char err[1000] = {0};
  mjModel *m = mj_loadXML(name, vfs, err, sizeof(err));
  mj_deleteVFS(vfs);
  free(vfs);
  if (!m) {
    apx_copy_error(error, error_len, err[0] ? err : "mj_loadXML failed");
  }
  return wrap(m, error, error_len);
}

void apx_free(apx_sim *sim) {
  if (!sim) {
    return;
  }
  apx_render_free(sim->render);
  mj_deleteData(sim->d);
  mj_deleteModel(sim->m);
  free(sim);
}

int32_t apx_get_dims(const apx_sim *sim, apx_dims *dims) {
  if (!sim || !dims) {
    return APX_E_ARG;
  }
  const mjModel *m = sim->m;
  dims->nq = m->nq;
  dims->nv = m->nv;
  dims->nu = m->nu;
  dims->nbody = m->nbody;
  dims->ngeom = m->ngeom;
  dims->nsite = m->nsite;
  dims->nmocap = m->nmocap;
  dims->ncam = m->ncam;
  dims->timestep = m->opt.timestep;
  return 0;
}
