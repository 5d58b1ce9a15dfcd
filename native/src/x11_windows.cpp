// The top-level windows of the default X display, for a window picker (getDisplayMedia with
// deviceId "window:<xid>"). webrtc-java's WindowCapturer.getDesktopSources() would list them but
// is a SIGSEGV on Linux in 0.14.0 (see NativeCapture), so jrtc asks Xlib itself.
//
// A window is listed when it is a viewable child of the root that has a name (WM_NAME), or whose
// child has one: a window manager's frame, or a toolkit's wrapper (Tk's, without a window manager),
// around the application's window. The child of the root is listed (its XID and size, the child's
// name): that is the window on the screen. libX11 is reached through dlopen like in x11_error_guard.cpp; the
// declarations below follow Xlib.h. The caller installs jrtc's X error handler first, so a window
// destroyed during the walk is a recorded BadWindow, not an exit.
#include <dlfcn.h>
#include <jni.h>

#include <string>
#include <vector>

namespace {

struct Display;
struct Visual;
struct Screen;
using Window = unsigned long;
using Colormap = unsigned long;
using Bool = int;
using Status = int;

// Xlib.h's XWindowAttributes.
struct XWindowAttributes {
  int x, y;
  int width, height;
  int border_width;
  int depth;
  Visual* visual;
  Window root;
  int c_class;
  int bit_gravity;
  int win_gravity;
  int backing_store;
  unsigned long backing_planes;
  unsigned long backing_pixel;
  Bool save_under;
  Colormap colormap;
  Bool map_installed;
  int map_state;
  long all_event_masks;
  long your_event_mask;
  long do_not_propagate_mask;
  Bool override_redirect;
  Screen* screen;
};

constexpr int kIsViewable = 2;

struct Xlib {
  Display* (*open)(const char*);
  int (*close)(Display*);
  Window (*root)(Display*);
  Status (*query_tree)(Display*, Window, Window*, Window*, Window**, unsigned int*);
  Status (*attributes)(Display*, Window, XWindowAttributes*);
  Status (*fetch_name)(Display*, Window, char**);
  int (*free)(void*);
};

struct Found {
  Window xid;
  std::string name;
  int width;
  int height;
};

std::vector<Window> Children(const Xlib& x, Display* d, Window w) {
  std::vector<Window> out;
  Window root = 0;
  Window parent = 0;
  Window* children = nullptr;
  unsigned int n = 0;
  if (x.query_tree(d, w, &root, &parent, &children, &n) != 0) {
    out.assign(children, children + n);
  }
  if (children != nullptr) {
    x.free(children);
  }
  return out;
}

// The window's name if it is viewable and named, else empty.
bool Named(const Xlib& x, Display* d, Window w, Found* found) {
  XWindowAttributes a{};
  if (x.attributes(d, w, &a) == 0 || a.map_state != kIsViewable || a.override_redirect) {
    return false;
  }
  char* name = nullptr;
  if (x.fetch_name(d, w, &name) == 0 || name == nullptr) {
    return false;
  }
  found->xid = w;
  found->name = name;
  found->width = a.width;
  found->height = a.height;
  x.free(name);
  return !found->name.empty();
}

}  // namespace

extern "C" {

// One line "<xid> <width>x<height> <name>\n" per window, bottom of the stacking order first, as
// bytes (WM_NAME need not be valid modified UTF-8, which NewStringUTF would require); null when
// libX11 or the display cannot be opened.
JNIEXPORT jbyteArray JNICALL Java_io_github_jrtc_internal_jni_NativeX11Windows_list0(JNIEnv* env,
                                                                                jclass) {
  void* lib = dlopen("libX11.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (lib == nullptr) {
    return nullptr;
  }
  Xlib x{reinterpret_cast<Display* (*)(const char*)>(dlsym(lib, "XOpenDisplay")),
         reinterpret_cast<int (*)(Display*)>(dlsym(lib, "XCloseDisplay")),
         reinterpret_cast<Window (*)(Display*)>(dlsym(lib, "XDefaultRootWindow")),
         reinterpret_cast<Status (*)(Display*, Window, Window*, Window*, Window**,
                                     unsigned int*)>(dlsym(lib, "XQueryTree")),
         reinterpret_cast<Status (*)(Display*, Window, XWindowAttributes*)>(
             dlsym(lib, "XGetWindowAttributes")),
         reinterpret_cast<Status (*)(Display*, Window, char**)>(dlsym(lib, "XFetchName")),
         reinterpret_cast<int (*)(void*)>(dlsym(lib, "XFree"))};
  if (x.open == nullptr || x.close == nullptr || x.root == nullptr || x.query_tree == nullptr ||
      x.attributes == nullptr || x.fetch_name == nullptr || x.free == nullptr) {
    return nullptr;
  }
  Display* d = x.open(nullptr);
  if (d == nullptr) {
    return nullptr;
  }
  std::vector<Found> windows;
  for (Window top : Children(x, d, x.root(d))) {
    Found f{};
    if (Named(x, d, top, &f)) {
      windows.push_back(f);
      continue;
    }
    // A window manager's frame: the application's window is a named child.
    XWindowAttributes a{};
    if (x.attributes(d, top, &a) == 0 || a.map_state != kIsViewable) {
      continue;
    }
    for (Window child : Children(x, d, top)) {
      if (Named(x, d, child, &f)) {
        // The frame is what is on the screen (and what the capture's XID names): its id and size,
        // the application's name.
        f.xid = top;
        f.width = a.width;
        f.height = a.height;
        windows.push_back(f);
        break;
      }
    }
  }
  x.close(d);
  std::string lines;
  for (const Found& f : windows) {
    std::string name = f.name;
    for (char& c : name) {
      if (c == '\n' || c == '\r') {
        c = ' ';
      }
    }
    lines += std::to_string(f.xid) + " " + std::to_string(f.width) + "x" + std::to_string(f.height) +
             " " + name + "\n";
  }
  jbyteArray out = env->NewByteArray(static_cast<jsize>(lines.size()));
  if (out == nullptr) {
    return nullptr;
  }
  env->SetByteArrayRegion(out, 0, static_cast<jsize>(lines.size()),
                          reinterpret_cast<const jbyte*>(lines.data()));
  return out;
}

}  // extern "C"
