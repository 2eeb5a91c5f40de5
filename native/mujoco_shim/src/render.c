/* Offscreen RGB rendering through EGL. MuJoCo 2.2 draws with legacy OpenGL into its own offscreen
 * framebuffer, so the EGL context only needs desktop OpenGL (compatibility profile); no window and
 * no X server. Mesa's llvmpipe serves this on a machine without a GPU. */
#define EGL_EGLEXT_PROTOTYPES
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct apx_render_state {
  EGLDisplay display;
  EGLContext context;
  EGLSurface surface;
  int width, height;
  mjvScene scene;
  mjvCamera camera;
  mjvOption option;
  mjrContext con;
  unsigned char *flip;
};

static EGLDisplay open_display(void) {
  PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform =
      (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
  EGLint major, minor;
  if (get_platform) {
    /* Surfaceless first: it never needs a display server or a DRM device. */
    EGLDisplay d = get_platform(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) {
      return d;
    }
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) {
    return d;
  }
  return EGL_NO_DISPLAY;
}

void apx_render_free(struct apx_render_state *r) {
  if (!r) {
    return;
  }
  if (r->context != EGL_NO_CONTEXT) {
    eglMakeCurrent(r->display, r->surface, r->surface, r->context);
    mjr_freeContext(&r->con);
    mjv_freeScene(&r->scene);
    eglMakeCurrent(r->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (r->surface != EGL_NO_SURFACE) {
      eglDestroySurface(r->display, r->surface);
    }
    eglDestroyContext(r->display, r->context);
  }
  free(r->flip);
  free(r);
}

static int32_t fail(struct apx_render_state *r, char *error, int32_t error_len, const char *what) {
  char text[300];
  snprintf(text, sizeof(text), "%s (EGL error 0x%04x)", what, (unsigned)eglGetError());
  apx_copy_error(error, error_len, text);
  apx_render_free(r);
  return APX_E_RENDER;
}

int32_t apx_render_init(apx_sim *sim, int32_t width, int32_t height, char *error, int32_t error_len) {
  if (!sim || width <= 0 || height <= 0 || width > 4096 || height > 4096) {
    apx_copy_error(error, error_len, "bad arguments");
    return APX_E_ARG;
  }
  if (sim->render) {
    apx_render_free(sim->render);
    sim->render = NULL;
  }
  struct apx_render_state *r = calloc(1, sizeof(*r));
  if (!r) {
    apx_copy_error(error, error_len, "out of memory");
    return APX_E_RENDER;
  }
  r->context = EGL_NO_CONTEXT;
  r->surface = EGL_NO_SURFACE;
  r->width = width;
  r->height = height;
  r->display = open_display();
  if (r->display == EGL_NO_DISPLAY) {
    return fail(r, error, error_len, "no EGL display (install libegl1, libegl-mesa0 and libgl1-mesa-dri)");
  }
  /* Only the renderable API matters: MuJoCo allocates its own colour and depth renderbuffers. */
  const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, 0, EGL_NONE};
  EGLConfig config = (EGLConfig)0;
  EGLint count = 0;
  if (!eglChooseConfig(r->display, config_attribs, &config, 1, &count) || count < 1) {
    config = (EGLConfig)0; /* EGL_NO_CONFIG_KHR (EGL_KHR_no_config_context), as Mesa's surfaceless platform needs */
  }
  if (!eglBindAPI(EGL_OPENGL_API)) {
    return fail(r, error, error_len, "eglBindAPI(EGL_OPENGL_API) failed");
  }
  r->context = eglCreateContext(r->display, config, EGL_NO_CONTEXT, NULL);
  if (r->context == EGL_NO_CONTEXT) {
    return fail(r, error, error_len, "eglCreateContext failed");
  }
  /* MuJoCo renders into its own framebuffer object; a surfaceless context is enough. */
  if (!eglMakeCurrent(r->display, EGL_NO_SURFACE, EGL_NO_SURFACE, r->context)) {
    return fail(r, error, error_len, "eglMakeCurrent without a surface failed (EGL_KHR_surfaceless_context missing?)");
  }
  mjv_defaultScene(&r->scene);
  mjv_makeScene(sim->m, &r->scene, 2000);
  mjv_defaultCamera(&r->camera);
  mjv_defaultOption(&r->option);
  mjr_defaultContext(&r->con);
  mjr_makeContext(sim->m, &r->con, mjFONTSCALE_100);
  if (!r->con.offFBO) {
    return fail(r, error, error_len, "MuJoCo could not create its offscreen framebuffer");
  }
  if (r->con.offWidth < width || r->con.offHeight < height) {
    return fail(r, error, error_len, "the model's offscreen buffer (visual/global offwidth, offheight) is smaller than the image");
  }
  mjr_setBuffer(mjFB_OFFSCREEN, &r->con);
  r->flip = malloc((size_t)width * (size_t)height * 3);
  if (!r->flip) {
    return fail(r, error, error_len, "out of memory");
  }
  eglMakeCurrent(r->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  sim->render = r;
  return 0;
}

int32_t apx_render(apx_sim *sim, int32_t cam, uint8_t *rgb, int32_t len) {
  if (!sim || !rgb) {
    return APX_E_ARG;
  }
  struct apx_render_state *r = sim->render;
  if (!r) {
    return APX_E_RENDER;
  }
  int32_t row = r->width * 3;
  if (len != row * r->height || cam >= sim->m->ncam) {
    return APX_E_ARG;
  }
  if (!eglMakeCurrent(r->display, EGL_NO_SURFACE, EGL_NO_SURFACE, r->context)) {
    return APX_E_RENDER;
  }
  if (cam >= 0) {
    r->camera.type = mjCAMERA_FIXED;
    r->camera.fixedcamid = cam;
  } else {
    mjv_defaultFreeCamera(sim->m, &r->camera);
  }
  mjrRect viewport = {0, 0, r->width, r->height};
  mjv_updateScene(sim->m, sim->d, &r->option, NULL, &r->camera, mjCAT_ALL, &r->scene);
  mjr_setBuffer(mjFB_OFFSCREEN, &r->con);
  mjr_render(viewport, &r->scene, &r->con);
  mjr_readPixels(r->flip, NULL, viewport, &r->con);
  /* OpenGL reads bottom row first; sensor_msgs/Image wants the top row first. */
  for (int32_t y = 0; y < r->height; y++) {
    memcpy(rgb + (size_t)y * (size_t)row, r->flip + (size_t)(r->height - 1 - y) * (size_t)row, (size_t)row);
  }
  eglMakeCurrent(r->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  return 0;
}
