package io.github.jrtc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Calls every public method of an object whose owner is closed, found by reflection (so methods
 * added later are covered without editing the test), with arguments from a factory per parameter
 * type. A parameter type without a factory is itself a failure: add one.
 *
 * <p>The spec's answers: a method returning a future never throws and rejects with
 * InvalidStateError (or, for a legacy callback overload, resolves after calling its failure
 * callback with InvalidStateError); a method the spec makes throw after close throws
 * InvalidStateError; every other method returns normally. Never another exception, never a hang.
 */
final class AfterCloseMatrix {
  private static final long TIMEOUT_MS = 5000;

  /** Methods that the spec says throw InvalidStateError once closed. */
  private static final Set<String> MUST_THROW =
      Set.of(
          "RTCPeerConnection.createDataChannel",
          "RTCPeerConnection.setConfiguration",
          "RTCPeerConnection.addTrack",
          "RTCPeerConnection.removeTrack",
          "RTCPeerConnection.addTransceiver",
          "RTCDataChannel.send",
          "RTCDTMFSender.insertDTMF");

  /**
   * Futures the spec resolves even on a closed connection (stats of a closed sender or receiver are
   * a report, possibly empty; constraints apply to a track, which outlives its connection).
   */
  private static final Set<String> MAY_RESOLVE =
      Set.of(
          "RTCRtpSender.getStats", "RTCRtpReceiver.getStats", "MediaStreamTrack.applyConstraints");

  private final java.util.Map<Class<?>, Object> extra = new java.util.HashMap<>();

  /** Supplies the argument for parameters of type {@code type} (objects the test creates). */
  <T> AfterCloseMatrix with(Class<T> type, T value) {
    extra.put(type, value);
    return this;
  }

  private final String offerSdp;
  private final List<String> failures = new ArrayList<>();
  private int calls;

  AfterCloseMatrix(String offerSdp) {
    this.offerSdp = offerSdp;
  }

  int calls() {
    return calls;
  }

  List<String> failures() {
    return failures;
  }

  /** Every public instance method of {@code type} (and its supertypes up to Object) on target. */
  void callAll(Class<?> type, Object target, String scenario) throws InterruptedException {
    List<Method> methods =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getDeclaringClass() != Object.class)
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .sorted(Comparator.comparing(Method::toGenericString))
            .toList();
    ExecutorService ex =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "after-close-call");
              t.setDaemon(true);
              return t;
            });
    try {
      for (Method m : methods) {
        call(ex, type, target, m, scenario);
      }
    } finally {
      ex.shutdownNow();
    }
  }

  private void call(ExecutorService ex, Class<?> type, Object target, Method m, String scenario)
      throws InterruptedException {
    calls++;
    String name = type.getSimpleName() + "." + m.getName();
    String where = scenario + ": " + m.toGenericString();
    AtomicReference<Object> failureCallback = new AtomicReference<>();
    Object[] args;
    try {
      args = arguments(m, failureCallback);
    } catch (IllegalArgumentException e) {
      failures.add(where + ": " + e.getMessage());
      return;
    }
    Future<Object> invoked =
        ex.submit(
            () -> {
              try {
                return m.invoke(target, args);
              } catch (InvocationTargetException e) {
                return new Thrown(e.getCause());
              }
            });
    Object result;
    try {
      result = invoked.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      failures.add(where + ": hung");
      invoked.cancel(true);
      return;
    } catch (ExecutionException e) {
      failures.add(where + ": reflection failed: " + e.getCause());
      return;
    }
    if (result instanceof Thrown thrown) {
      Throwable t = thrown.error();
      if (!isInvalidState(t)) {
        failures.add(where + ": threw " + t);
      }
      return;
    }
    if (MUST_THROW.contains(name)) {
      failures.add(where + ": returned normally; the spec says InvalidStateError");
      return;
    }
    if (result instanceof CompletableFuture<?> f) {
      try {
        f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Object callbackError = failureCallback.get();
        if (!MAY_RESOLVE.contains(name)
            && !(callbackError instanceof Throwable t && isInvalidState(t))) {
          failures.add(where + ": resolved; the spec says reject with InvalidStateError");
        }
      } catch (ExecutionException e) {
        if (!isInvalidState(e.getCause())) {
          failures.add(where + ": rejected with " + e.getCause());
        }
      } catch (TimeoutException e) {
        failures.add(where + ": future never settled");
      }
    }
  }

  private static boolean isInvalidState(Throwable t) {
    return t instanceof DOMException d && d.name().equals("InvalidStateError");
  }

  private record Thrown(Throwable error) {}

  private Object[] arguments(Method m, AtomicReference<Object> failureCallback) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      // A valid kind, so that the closed state (not the kind) decides the answer.
      args[i] =
          m.getName().equals("addTransceiver") && types[i] == String.class
              ? "audio"
              : argument(types[i], i == types.length - 1 || i > 0, failureCallback);
    }
    return args;
  }

  @SuppressWarnings("unchecked")
  private Object argument(
      Class<?> t, boolean maybeFailureCallback, AtomicReference<Object> failureCallback) {
    RTCSessionDescriptionInit offer = new RTCSessionDescriptionInit(RTCSdpType.OFFER, offerSdp);
    RTCIceCandidateInit candidate =
        new RTCIceCandidateInit(
            "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host", "0", 0, null);
    if (extra.containsKey(t)) {
      return extra.get(t);
    } else if (t == MediaStream[].class) {
      return new MediaStream[] {new MediaStream()};
    } else if (t == MediaStream.class) {
      return new MediaStream();
    } else if (t == RTCRtpTransceiverInit.class) {
      return new RTCRtpTransceiverInit();
    } else if (t == RTCRtpTransceiverDirection.class) {
      return RTCRtpTransceiverDirection.SENDRECV;
    } else if (t == MediaTrackConstraints.class) {
      return new MediaTrackConstraints();
    } else if (t == List.class) {
      return List.of();
    } else if (t == String.class) {
      return "x";
    } else if (t == long.class) {
      return 1L;
    } else if (t == int.class) {
      return 1;
    } else if (t == boolean.class) {
      return true;
    } else if (t == RTCOfferOptions.class) {
      return new RTCOfferOptions();
    } else if (t == RTCAnswerOptions.class) {
      return new RTCAnswerOptions();
    } else if (t == RTCSessionDescriptionInit.class) {
      return offer;
    } else if (t == RTCSessionDescription.class) {
      return new RTCSessionDescription(offer);
    } else if (t == RTCIceCandidateInit.class) {
      return candidate;
    } else if (t == RTCIceCandidate.class) {
      return new RTCIceCandidate(candidate);
    } else if (t == RTCConfiguration.class) {
      return new RTCConfiguration();
    } else if (t == RTCDataChannelInit.class) {
      return new RTCDataChannelInit();
    } else if (t == EventHandler.class) {
      return (EventHandler<Event>) e -> {};
    } else if (t == Event.class) {
      return new Event("x");
    } else if (t == BinaryType.class) {
      return BinaryType.ARRAYBUFFER;
    } else if (t == byte[].class) {
      return new byte[] {1, 2, 3};
    } else if (t == ByteBuffer.class) {
      return ByteBuffer.wrap(new byte[] {1, 2, 3});
    } else if (t == Blob.class) {
      return new Blob(new byte[] {1, 2, 3}, "");
    } else if (t == Runnable.class) {
      return (Runnable) () -> {};
    } else if (t == Consumer.class) {
      // A legacy overload's failure callback comes after its success callback.
      return (Consumer<Object>)
          v -> {
            if (maybeFailureCallback && v instanceof Throwable) {
              failureCallback.set(v);
            }
          };
    }
    throw new IllegalArgumentException("no argument factory for " + t.getName() + ": add one");
  }
}
