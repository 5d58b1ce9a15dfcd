// A process-wide Xlib error handler that records X protocol errors instead of exiting.
//
// Xlib's default error handler prints the error and calls exit(). libwebrtc's X11 window capturer
// makes untrapped requests that fail on ordinary servers: WindowCapturerX11::CaptureFrame reads
// the window's WM_STATE through XGetWindowProperty with the atom XInternAtom(..., "WM_STATE",
// only_if_exists=True) returned, which is None (0) until a window manager has interned it, and
// the server answers BadAtom. Under Xvfb without a window manager that exit ended the JVM.
//
// libwebrtc's XErrorTrap swaps the process handler for its own around the requests it expects to
// fail and restores the previous one afterwards, so this handler only sees what nobody trapped.
// It is installed only when the process still has Xlib's default handler: a toolkit (AWT, GTK)
// that set its own keeps it.
//
// libX11 is reached through dlopen (webrtc-java's library already links it), so this library
// needs no X11 headers or link dependency; the few declarations below follow Xlib.h.
#include <dlfcn.h>
#include <jni.h>

#include <atomic>
#include <cstdint>

namespace {

struct Display;

// Xlib.h's XErrorEvent.
struct XErrorEvent {
  int type;
  Display* display;
  unsigned long resourceid;
  unsigned long serial;
  unsigned char error_code;
  unsigned char request_code;
  unsigned char minor_code;
};

using XErrorHandler = int (*)(Display*, XErrorEvent*);
using SetErrorHandlerFn = XErrorHandler (*)(XErrorHandler);
using Window = unsigned long;
using OpenDisplayFn = Display* (*)(const char*);
using CloseDisplayFn = int (*)(Display*);
using DefaultRootWindowFn = Window (*)(Display*);
using QueryTreeFn = int (*)(Display*, Window, Window*, Window*, Window**, unsigned int*);
using FreeFn = int (*)(void*);

struct Xlib {
  OpenDisplayFn open;
  CloseDisplayFn close;
  DefaultRootWindowFn root;
  QueryTreeFn query_tree;
  FreeFn free;
};

std::atomic<int64_t> g_errors{0};
// error_code | request_code << 8 | minor_code << 16 of the last error; -1 before any.
std::atomic<int64_t> g_last{-1};
std::atomic<int> g_state{0};  // 0 not tried, 1 installed, 2 another handler kept, 3 no libX11

int RecordError(Display*, XErrorEvent* e) {
  g_errors.fetch_add(1);
  if (e != nullptr) {
    g_last.store(static_cast<int64_t>(e->error_code) | static_cast<int64_t>(e->request_code) << 8 |
                 static_cast<int64_t>(e->minor_code) << 16);
  }
  return 0;
}

int Install() {
  void* x11 = dlopen("libX11.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (x11 == nullptr) {
    return 3;
  }
  auto set = reinterpret_cast<SetErrorHandlerFn>(dlsym(x11, "XSetErrorHandler"));
  if (set == nullptr) {
    return 3;
  }
  // XSetErrorHandler(nullptr) restores Xlib's default and returns what was set; setting ours
  // then returns the default's address, so the two can be compared.
  XErrorHandler previous = set(nullptr);
  XErrorHandler xlib_default = set(&RecordError);
  if (previous != nullptr && previous != xlib_default && previous != &RecordError) {
    set(previous);
    return 2;
  }
  return 1;
}

// Whether `target` is in the window tree below `w` (depth-first; a window destroyed meanwhile
// makes XQueryTree fail with BadWindow, which the installed handler records).
bool InTree(const Xlib& x, Display* d, Window w, Window target, int depth) {
  if (w == target) {
    return true;
  }
  if (depth > 64) {
    return false;
  }
  Window root = 0;
  Window parent = 0;
  Window* children = nullptr;
  unsigned int n = 0;
  if (x.query_tree(d, w, &root, &parent, &children, &n) == 0) {
    return false;
  }
  bool found = false;
  for (unsigned int i = 0; i < n && !found; i++) {
    found = InTree(x, d, children[i], target, depth + 1);
  }
  if (children != nullptr) {
    x.free(children);
  }
  return found;
}

}  // namespace

extern "C" {

// 1 when `xid` is a window of the default display, 0 when not, -1 when that cannot be told (no
// libX11, no display). Only XQueryTree from the root: no request that fails for a wrong XID.
JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeX11Guard_windowExists0(JNIEnv*, jclass,
                                                                               jlong xid) {
  void* lib = dlopen("libX11.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (lib == nullptr) {
    return -1;
  }
  Xlib x{reinterpret_cast<OpenDisplayFn>(dlsym(lib, "XOpenDisplay")),
         reinterpret_cast<CloseDisplayFn>(dlsym(lib, "XCloseDisplay")),
         reinterpret_cast<DefaultRootWindowFn>(dlsym(lib, "XDefaultRootWindow")),
         reinterpret_cast<QueryTreeFn>(dlsym(lib, "XQueryTree")),
         reinterpret_cast<FreeFn>(dlsym(lib, "XFree"))};
  if (x.open == nullptr || x.close == nullptr || x.root == nullptr || x.query_tree == nullptr ||
      x.free == nullptr) {
    return -1;
  }
  Display* d = x.open(nullptr);
  if (d == nullptr) {
    return -1;
  }
  bool found = InTree(x, d, x.root(d), static_cast<Window>(xid), 0);
  x.close(d);
  return found ? 1 : 0;
}


// Installs the handler once per process; returns the state (see g_state).
JNIEXPORT jint JNICALL Java_io_github_jrtc_internal_jni_NativeX11Guard_install(JNIEnv*, jclass) {
  static std::atomic_flag done = ATOMIC_FLAG_INIT;
  if (!done.test_and_set()) {
    g_state.store(Install());
  }
  return g_state.load();
}

// out[0] = errors recorded, out[1] = the last one (see g_last).
JNIEXPORT void JNICALL Java_io_github_jrtc_internal_jni_NativeX11Guard_counters(JNIEnv* env, jclass,
                                                                           jlongArray out) {
  jlong v[2] = {g_errors.load(), g_last.load()};
  if (out != nullptr && env->GetArrayLength(out) >= 2) {
    env->SetLongArrayRegion(out, 0, 2, v);
  }
}

}  // extern "C"
