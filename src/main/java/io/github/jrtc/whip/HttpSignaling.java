package io.github.jrtc.whip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of WHIP and WHEP over the JDK's {@link HttpClient}: the bearer token on every
 * request (RFC 9725 section 4.7.1), redirects followed here rather than by the client so that the
 * token never goes to another origin, and {@code 503}/{@code 429} with {@code Retry-After} retried
 * after the delay the server asked for.
 */
final class HttpSignaling {
  private static final Logger LOG = LoggerFactory.getLogger(HttpSignaling.class);
  static final int MAX_REDIRECTS = 5;
  static final int MAX_BODY_CHARS = 256 * 1024;

  record Response(int status, URI uri, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      String ct = header("Content-Type");
      if (ct == null) {
        return "";
      }
      int semi = ct.indexOf(';');
      return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
  }

  private final HttpClient http;
  private final String bearerToken;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration maxRetryAfter;

  HttpSignaling(
      HttpClient http,
      String bearerToken,
      Duration requestTimeout,
      int maxRetries,
      Duration maxRetryAfter) {
    this.http = http;
    this.bearerToken = bearerToken;
    this.requestTimeout = requestTimeout;
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    if (http.followRedirects() != HttpClient.Redirect.NEVER) {
      LOG.warn(
          "the HttpClient given follows redirects itself: the bearer token may then reach another"
              + " origin; build it with HttpClient.Redirect.NEVER");
    }
  }

  /**
   * Sends a request; redirects (307/308 only, RFC 9725 section 4.5) are followed when {@code
   * followRedirects}, and a 503 or 429 with a Retry-After of at most the configured limit is
   * retried up to the configured number of times. Completes with any final response; I/O failures
   * complete exceptionally with a {@link WhipException} of status 0.
   */
  CompletableFuture<Response> send(
      String method,
      URI uri,
      String contentType,
      String body,
      Map<String, String> headers,
      boolean followRedirects) {
    return send(method, uri, origin(uri), contentType, body, headers, followRedirects, 0, 0);
  }

  private CompletableFuture<Response> send(
      String method,
      URI uri,
      String tokenOrigin,
      String contentType,
      String body,
      Map<String, String> headers,
      boolean followRedirects,
      int redirects,
      int retries) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    // RFC 9725 section 4.7.1: the token on every request; never across origins (a redirect to
    // another host must not learn it).
    if (bearerToken != null && origin(uri).equals(tokenOrigin)) {
      b.header("Authorization", "Bearer " + bearerToken);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (r, err) -> {
              if (err != null) {
                Throwable t = err instanceof CompletionException ? err.getCause() : err;
                throw new WhipException(method + " " + uri + " failed: " + t, t);
              }
              String text = r.body() == null ? "" : r.body();
              if (text.length() > MAX_BODY_CHARS) {
                throw new WhipException(
                    method + " " + uri + ": response body over " + MAX_BODY_CHARS + " chars",
                    r.statusCode(),
                    null,
                    null,
                    null);
              }
              return new Response(r.statusCode(), r.uri(), r.headers(), text);
            })
        .thenCompose(
            r -> {
              int s = r.status();
              if (followRedirects && (s == 307 || s == 308)) {
                String location = r.header("Location");
                if (location == null) {
                  return CompletableFuture.completedFuture(r);
                }
                if (redirects >= MAX_REDIRECTS) {
                  return CompletableFuture.failedFuture(
                      new WhipException(
                          "more than " + MAX_REDIRECTS + " redirects from " + uri,
                          s,
                          null,
                          null,
                          null));
                }
                URI next;
                try {
                  next = r.uri().resolve(location);
                } catch (IllegalArgumentException e) {
                  return CompletableFuture.failedFuture(
                      new WhipException("bad redirect Location " + location, s, null, null, e));
                }
                if (!next.getScheme().equalsIgnoreCase("http")
                    && !next.getScheme().equalsIgnoreCase("https")) {
                  return CompletableFuture.failedFuture(
                      new WhipException("redirect to a non-HTTP URI " + next, s, null, null, null));
                }
                LOG.debug("{} {} redirected ({}) to {}", method, uri, s, next);
                return send(
                    method,
                    next,
                    tokenOrigin,
                    contentType,
                    body,
                    headers,
                    true,
                    redirects + 1,
                    retries);
              }
              if ((s == 503 || s == 429) && retries < maxRetries) {
                Duration wait = retryAfter(r);
                if (wait != null && wait.compareTo(maxRetryAfter) <= 0) {
                  LOG.info("{} {}: {} with Retry-After {}: retrying", method, uri, s, wait);
                  return CompletableFuture.supplyAsync(
                          () -> null,
                          CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                      .thenCompose(
                          x ->
                              send(
                                  method,
                                  uri,
                                  tokenOrigin,
                                  contentType,
                                  body,
                                  headers,
                                  followRedirects,
                                  redirects,
                                  retries + 1));
                }
              }
              return CompletableFuture.completedFuture(r);
            });
  }

  /** The failure for a response that is not the success expected. */
  static WhipException failure(String what, Response r) {
    String problem = r.contentType().equals("application/problem+json") ? r.body() : null;
    String detail = r.body().length() > 200 ? r.body().substring(0, 200) + "…" : r.body();
    return new WhipException(
        what + ": HTTP " + r.status() + (detail.isBlank() ? "" : " (" + detail.strip() + ")"),
        r.status(),
        retryAfter(r),
        problem,
        null);
  }

  /** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; null if absent or unreadable. */
  static Duration retryAfter(Response r) {
    String v = r.header("Retry-After");
    if (v == null) {
      return null;
    }
    v = v.trim();
    if (v.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String origin(URI u) {
    int port = u.getPort();
    String scheme = Objects.requireNonNullElse(u.getScheme(), "").toLowerCase(Locale.ROOT);
    if (port < 0) {
      port = scheme.equals("https") ? 443 : 80;
    }
    return scheme
        + "://"
        + Objects.requireNonNullElse(u.getHost(), "").toLowerCase(Locale.ROOT)
        + ":"
        + port;
  }
}
