package io.github.jrtc.internal.webrtcjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NativeUseGuardTest {
  @Test
  void retireWaitsForTheCallInFlightAndRefusesNewOnes() throws Exception {
    NativeUseGuard guard = new NativeUseGuard();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    AtomicBoolean callDone = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              assertThat(guard.enter()).isTrue();
              inside.countDown();
              try {
                leave.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              callDone.set(true);
              guard.exit();
            });
    caller.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    Thread releaser = new Thread(() -> leave.countDown());
    releaser.start();
    assertThat(guard.retire(5000)).isTrue();
    // retire returned: the call that was inside has left.
    assertThat(callDone).isTrue();
    assertThat(guard.enter()).isFalse();
    assertThat(guard.isRetired()).isTrue();
    caller.join();
  }

  @Test
  void aStuckCallMakesRetireGiveUpSoTheHandleIsLeakedNotFreed() throws Exception {
    NativeUseGuard guard = new NativeUseGuard();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Thread caller =
        new Thread(
            () -> {
              guard.enter();
              inside.countDown();
              try {
                leave.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              guard.exit();
            });
    caller.start();
    inside.await(5, TimeUnit.SECONDS);
    assertThat(guard.retire(100)).isFalse();
    assertThat(guard.enter()).isFalse();
    leave.countDown();
    caller.join();
  }

  @Test
  void retireFromInsideACallGivesUpInsteadOfDeadlocking() {
    NativeUseGuard guard = new NativeUseGuard();
    assertThat(guard.enter()).isTrue();
    assertThat(guard.retire(5000)).isFalse();
    guard.exit();
  }
}
