package io.github.jrtc.whip;

import java.time.Duration;
import java.util.Optional;

/**
 * A WHIP or WHEP request failed: an HTTP error status from the endpoint or session, no or a bad
 * answer, or the connection not coming up. Futures of {@link WhipClient} and {@link WhepClient}
 * complete exceptionally with this (the cause after {@code join()}).
 */
public final class WhipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the failed response; 0 when the failure was not an HTTP status. */
  private final int status;

  private final transient Duration retryAfter;

  /** The {@code application/problem+json} body as text, or null. */
  private final String problem;

  WhipException(String message, int status, Duration retryAfter, String problem, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }

  WhipException(String message, Throwable cause) {
    this(message, 0, null, null, cause);
  }

  /**
   * The HTTP status of the failed response, or 0 when the failure was not an HTTP status.
   *
   * @return the status code, or 0
   */
  public int status() {
    return status;
  }

  /**
   * The response's {@code Retry-After}, if it had one (as a delay from when it was received).
   *
   * @return the delay before retrying, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The response body when it was {@code application/problem+json} (RFC 9457), as JSON text.
   *
   * @return the problem details JSON, or empty
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
