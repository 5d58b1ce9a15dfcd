/*
 * A stand-in for libgupnp-igd-1.0.so.4, used only to run Debian bookworm's simple-whip-client in
 * the WHIP tests. whip-client links libsoup 2.4, while bookworm's libnice 0.1.21 links
 * libgupnp-igd, which links libsoup 3; libsoup 3 aborts a process that also has libsoup 2 loaded
 * ("libsoup2 symbols detected. Using libsoup2 and libsoup3 in the same process is not
 * supported."), so whip-client dies before it sends its offer. libnice needs UPnP port mapping
 * only for NATs (none in the test namespace): these four functions are all it calls, and a NULL
 * igd makes it skip UPnP. Built by WhipPublishersIT with g++ and put first on LD_LIBRARY_PATH.
 */
#ifdef __cplusplus
extern "C" {
#endif
unsigned long gupnp_simple_igd_get_type(void) { return 80; /* G_TYPE_OBJECT */ }
void *gupnp_simple_igd_thread_new(void) { return 0; }
void gupnp_simple_igd_add_port(void *self, const char *protocol, unsigned int external_port,
                               const char *local_ip, unsigned int local_port,
                               unsigned int lease_duration, const char *description) {}
void gupnp_simple_igd_remove_port_local(void *self, const char *protocol, const char *local_ip,
                                        unsigned int local_port) {}
#ifdef __cplusplus
}
#endif
