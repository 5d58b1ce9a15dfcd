// Chromium side of jrtc's interop suite: the peer protocol (see PeerLink.java). Messages to the
// test go through the DevTools binding jrtcSignal; the test calls jrtcPeer.receive(message).
(() => {
  const GREETING = "hello from chromium \u2713";
  const send = (m) => jrtcSignal(JSON.stringify(m));
  const utf8 = (s) => new TextEncoder().encode(s).length;
  const counts = { messagesSent: 0, bytesSent: 0, messagesReceived: 0, bytesReceived: 0 };
  let pc;

  function wire(dc) {
    const greet = () => {
      send({ type: "channel", state: "open", label: dc.label });
      dc.send(GREETING);
      counts.messagesSent++;
      counts.bytesSent += utf8(GREETING);
    };
    if (dc.readyState === "open") greet();
    else dc.onopen = greet;
    dc.onmessage = (e) => {
      counts.messagesReceived++;
      counts.bytesReceived += typeof e.data === "string" ? utf8(e.data) : e.data.byteLength;
      send({ type: "message", data: String(e.data) });
    };
    dc.onclose = () => send({ type: "channel", state: "closed", label: dc.label });
  }

  async function sendStats(id) {
    const report = await pc.getStats();
    let dataChannel = null;
    report.forEach((s) => {
      if (s.type === "data-channel") dataChannel = s;
    });
    // The page's own counters must agree with Chromium's stats before they are reported.
    for (const k of Object.keys(counts)) {
      if (!dataChannel || dataChannel[k] !== counts[k]) {
        throw new Error(`chromium stats ${k}=${dataChannel && dataChannel[k]} but counted ${counts[k]}`);
      }
    }
    const outbound = {};
    const inbound = {};
    report.forEach((s) => {
      if (s.type === "outbound-rtp") outbound[s.kind] = s;
      if (s.type === "inbound-rtp") inbound[s.kind] = s;
    });
    send({ type: "stats", id, dataChannel, outbound, inbound });
  }

  async function handle(m) {
    switch (m.type) {
      case "start":
        pc = new RTCPeerConnection();
        pc.onicecandidate = (e) => send({ type: "candidate", candidate: e.candidate });
        pc.onconnectionstatechange = () => send({ type: "state", connectionState: pc.connectionState });
        pc.ondatachannel = (e) => wire(e.channel);
        pc.ontrack = (e) => {
          if (e.track.kind === "audio") {
            // Chromium decodes remote audio only while something plays it out, and measures its
            // energy after the element's volume: a muted element would report silence.
            const audio = new Audio();
            audio.srcObject = new MediaStream([e.track]);
            audio.play().catch((err) => send({ type: "log", message: `audio play: ${err}` }));
          }
        };
        if (m.media) {
          // The fake camera and microphone (--use-fake-device-for-media-stream): a test pattern
          // and a periodic beep. Small frames keep the encoders cheap on a shared machine.
          const stream = await navigator.mediaDevices.getUserMedia({
            audio: true,
            video: { width: { exact: 320 }, height: { exact: 240 }, frameRate: 30 },
          });
          for (const track of stream.getTracks()) {
            const sender = pc.addTrack(track, stream);
            if (track.kind === "video") {
              // Under CPU load Chromium would otherwise scale frames down.
              const p = sender.getParameters();
              p.degradationPreference = "maintain-resolution";
              await sender.setParameters(p);
            }
          }
        }
        if (m.role === "offer") {
          wire(pc.createDataChannel("chromium"));
          await pc.setLocalDescription();
          send({ type: "description", description: pc.localDescription });
        }
        break;
      case "description":
        await pc.setRemoteDescription(m.description);
        if (m.description.type === "offer") {
          await pc.setLocalDescription();
          send({ type: "description", description: pc.localDescription });
        }
        break;
      case "candidate":
        await pc.addIceCandidate(m.candidate ?? undefined);
        break;
      case "stats":
        await sendStats(m.id);
        break;
      case "bye":
        pc.close();
        send({ type: "closed" });
        break;
    }
  }

  // One message at a time, as they were sent: an offer must not be answered while start is still
  // waiting for getUserMedia (the answer would carry no tracks).
  let queue = Promise.resolve();
  window.jrtcPeer = {
    receive: (m) => {
      queue = queue
        .then(() => handle(m))
        .catch((e) => send({ type: "error", message: `${m.type}: ${e.name}: ${e.message}` }));
    },
  };
})();
