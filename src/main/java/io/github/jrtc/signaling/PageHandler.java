package io.github.jrtc.signaling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Serves the call page's three files from the classpath; everything else is a 404. */
final class PageHandler extends Handler.Abstract.NonBlocking {
  private static final String BASE = "/io/github/jrtc/signaling/page/";
  // The page has no inline script or style, so it can forbid both: chat text that slipped through
  // could not run even if the page rendered it as HTML (it does not).
  private static final String CSP =
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
          + "media-src 'self' blob: mediastream:; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  private record Resource(String contentType, byte[] bytes) {}

  private final Map<String, Resource> files;

  PageHandler() {
    files =
        Map.of(
            "/", load("index.html", "text/html;charset=utf-8"),
            "/index.html", load("index.html", "text/html;charset=utf-8"),
            "/callpage.js", load("callpage.js", "text/javascript;charset=utf-8"),
            "/callpage.css", load("callpage.css", "text/css;charset=utf-8"));
  }

  private static Resource load(String name, String type) {
    try (InputStream in = PageHandler.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("call page resource missing: " + BASE + name);
      }
      return new Resource(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    Resource r = files.get(Request.getPathInContext(request));
    if (r == null || !(HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))) {
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      return true;
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, r.bytes().length);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    if (HttpMethod.HEAD.is(method)) {
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(r.bytes()), callback);
    }
    return true;
  }
}
