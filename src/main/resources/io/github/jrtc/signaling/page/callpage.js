// The call page: MDN's "Signaling and video calling" client (the webrtc-from-chat sample's
// behaviour) written against jrtc's signaling server, plus a data channel whose text the Java bot
// echoes back. Plain JavaScript, no build step. State is exposed on window.jrtcPage for tests.
"use strict";

const $ = (id) => document.getElementById(id);

let connection = null; // the signaling WebSocket
let clientID = 0;
let myUsername = null;
let targetUsername = null;
let myPeerConnection = null;
let dataChannel = null;
let localStream = null;
let statsTimer = null;

const page = {
  state: "idle",
  users: [],
  dcReceived: [],
  dcSent: [],
  remoteFrames: 0,
  lastError: null,
  pc: () => myPeerConnection,
  dc: () => dataChannel,
  me: () => myUsername,
};
window.jrtcPage = page;

function log(text) {
  console.log("[" + new Date().toLocaleTimeString() + "] " + text);
}

function reportError(err) {
  page.lastError = (err && err.name ? err.name + ": " : "") + (err && err.message ? err.message : err);
  console.error(page.lastError);
  chatSystem("Error: " + page.lastError);
}

function sendToServer(msg) {
  if (!connection || connection.readyState !== WebSocket.OPEN) {
    log("not connected; dropping " + msg.type);
    return;
  }
  connection.send(JSON.stringify(msg));
}

// ---- chat and user list ----

function chatLine(cls, parts) {
  const box = $("chat");
  const p = document.createElement("p");
  if (cls) p.className = cls;
  // textContent only: whatever the server relays can never become markup here.
  for (const [tag, text] of parts) {
    const el = document.createElement(tag);
    el.textContent = text;
    p.appendChild(el);
  }
  box.appendChild(p);
  box.scrollTop = box.scrollHeight;
}

function chatSystem(text) {
  chatLine("system", [["span", text]]);
}

function connect() {
  const name = $("name").value.trim();
  if (!name) {
    $("name").focus();
    return;
  }
  myUsername = name;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const token = new URLSearchParams(location.search).get("token");
  let url = scheme + "://" + location.host + "/";
  if (token) url += "?token=" + encodeURIComponent(token);
  log("connecting to " + url);
  $("status").textContent = "connecting…";
  connection = new WebSocket(url, "json");
  connection.onopen = () => {
    $("status").textContent = "connected";
    $("text").disabled = false;
    $("send").disabled = false;
    $("login").disabled = true;
    $("name").disabled = true;
  };
  connection.onerror = (evt) => console.dir(evt);
  connection.onclose = (evt) => {
    $("status").textContent = "disconnected (" + evt.code + ")";
    $("text").disabled = true;
    $("send").disabled = true;
    $("login").disabled = false;
    $("name").disabled = false;
    closeVideoCall();
  };
  connection.onmessage = (evt) => {
    let msg;
    try {
      msg = JSON.parse(evt.data);
    } catch (e) {
      return;
    }
    const time = new Date(msg.date || Date.now()).toLocaleTimeString();
    switch (msg.type) {
      case "id":
        clientID = msg.id;
        sendToServer({ name: myUsername, date: Date.now(), id: clientID, type: "username" });
        break;
      case "rejectusername":
        myUsername = msg.name;
        chatSystem("Your name is " + myUsername + " (the one you chose was taken).");
        break;
      case "userlist":
        handleUserlistMsg(msg);
        $("status").textContent = "signed in as " + myUsername;
        break;
      case "message":
        chatLine("", [["span", "(" + time + ") "], ["b", msg.name], ["span", ": " + msg.text]]);
        break;
      case "video-offer":
        handleVideoOfferMsg(msg).catch(reportError);
        break;
      case "video-answer":
        handleVideoAnswerMsg(msg).catch(reportError);
        break;
      case "new-ice-candidate":
        handleNewICECandidateMsg(msg).catch(reportError);
        break;
      case "hang-up":
        if (!msg.name || msg.name === targetUsername) {
          chatSystem(msg.name + " hung up.");
          closeVideoCall();
        }
        break;
      case "error":
        chatSystem("Server: " + msg.error + ": " + msg.message);
        break;
      default:
        log("unknown message " + msg.type);
    }
  };
}

function handleUserlistMsg(msg) {
  page.users = msg.users.slice();
  const list = $("userlist");
  list.replaceChildren();
  for (const username of msg.users) {
    const item = document.createElement("li");
    item.textContent = username;
    item.dataset.user = username;
    if (username === myUsername) {
      item.classList.add("me");
      item.textContent = username + " (you)";
    } else {
      item.addEventListener("click", () => invite(username).catch(reportError));
    }
    list.appendChild(item);
  }
  // The other side vanished mid-call: nobody is left to send us a hang-up.
  if (targetUsername && !msg.users.includes(targetUsername)) {
    chatSystem(targetUsername + " left.");
    closeVideoCall();
  }
}

function handleSendButton() {
  const text = $("text").value;
  if (!text) return;
  sendToServer({ text: text, type: "message", id: clientID, date: Date.now() });
  $("text").value = "";
}

// ---- the call ----

function setCallState(state) {
  page.state = state;
  $("call-state").textContent = state;
}

function createPeerConnection() {
  myPeerConnection = new RTCPeerConnection({ iceServers: [] });
  const pc = myPeerConnection;
  pc.onicecandidate = (event) => {
    if (event.candidate) {
      sendToServer({ type: "new-ice-candidate", target: targetUsername, candidate: event.candidate });
    }
  };
  pc.onconnectionstatechange = () => {
    if (pc !== myPeerConnection) return;
    log("connectionState " + pc.connectionState);
    setCallState(pc.connectionState);
    if (pc.connectionState === "failed") {
      chatSystem("The call failed.");
      hangUpCall();
    }
  };
  pc.onnegotiationneeded = async () => {
    try {
      await pc.setLocalDescription();
      sendToServer({
        name: myUsername, target: targetUsername, type: "video-offer", sdp: pc.localDescription,
      });
    } catch (err) {
      reportError(err);
    }
  };
  pc.ontrack = (event) => {
    log("track " + event.track.kind);
    const video = $("received_video");
    const stream = event.streams[0] || new MediaStream([event.track]);
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      countFrames(video);
    }
  };
  pc.ondatachannel = (event) => useDataChannel(event.channel);
  $("hangup-button").disabled = false;
  $("call-peer").textContent = targetUsername;
  setCallState("new");
  statsTimer = setInterval(showStats, 1000);
}

function countFrames(video) {
  if (!("requestVideoFrameCallback" in HTMLVideoElement.prototype)) return;
  const tick = () => {
    page.remoteFrames++;
    if (video.srcObject) video.requestVideoFrameCallback(tick);
  };
  video.requestVideoFrameCallback(tick);
}

let lastBytes = 0;
let lastTime = 0;
async function showStats() {
  const pc = myPeerConnection;
  if (!pc) return;
  const report = await pc.getStats();
  let bytes = 0;
  let frames = 0;
  report.forEach((s) => {
    if (s.type === "inbound-rtp") bytes += s.bytesReceived || 0;
    if (s.type === "inbound-rtp" && s.kind === "video") frames += s.framesDecoded || 0;
    if (s.type === "data-channel") bytes += s.bytesReceived || 0;
  });
  const now = performance.now();
  const kbps = lastTime ? ((bytes - lastBytes) * 8) / (now - lastTime) : 0;
  lastBytes = bytes;
  lastTime = now;
  $("call-stats").textContent =
    "in " + kbps.toFixed(0) + " kbit/s, " + frames + " frames decoded";
}

function useDataChannel(channel) {
  dataChannel = channel;
  channel.onopen = () => {
    $("dc-text").disabled = false;
    $("dc-send").disabled = false;
    dcLine("sys", "data channel \"" + channel.label + "\" open");
  };
  channel.onclose = () => {
    $("dc-text").disabled = true;
    $("dc-send").disabled = true;
  };
  channel.onmessage = (event) => {
    const text = typeof event.data === "string" ? event.data : "[" + event.data.byteLength + " bytes]";
    page.dcReceived.push(text);
    dcLine("in", "← " + text);
  };
  if (channel.readyState === "open") channel.onopen();
}

function dcLine(cls, text) {
  const li = document.createElement("li");
  li.className = cls;
  li.textContent = text;
  $("dc-log").appendChild(li);
}

function handleDcSend() {
  const text = $("dc-text").value;
  if (!text || !dataChannel || dataChannel.readyState !== "open") return;
  dataChannel.send(text);
  page.dcSent.push(text);
  dcLine("out", "→ " + text);
  $("dc-text").value = "";
}

async function addLocalMedia() {
  if (localStream) return;
  try {
    localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  } catch (err) {
    // No camera or microphone: the call still works, with the data channel and received media.
    chatSystem("No camera/microphone (" + err.name + "); receiving only.");
    return;
  }
  $("local_video").srcObject = localStream;
  for (const track of localStream.getTracks()) {
    myPeerConnection.addTrack(track, localStream);
  }
}

async function invite(username) {
  if (myPeerConnection) {
    chatSystem("You are already in a call; hang up first.");
    return;
  }
  if (username === myUsername) return;
  targetUsername = username;
  log("calling " + username);
  createPeerConnection();
  // Tracks and channel in the same task: one negotiationneeded, one offer.
  await addLocalMedia();
  if (!myPeerConnection) return; // hung up while getUserMedia was asking
  useDataChannel(myPeerConnection.createDataChannel("chat"));
}

async function handleVideoOfferMsg(msg) {
  if (myPeerConnection && msg.name !== targetUsername) {
    // Busy: one call at a time, as in MDN's sample.
    sendToServer({ name: myUsername, target: msg.name, type: "hang-up" });
    return;
  }
  targetUsername = msg.name;
  if (!myPeerConnection) {
    createPeerConnection();
  }
  const pc = myPeerConnection;
  await pc.setRemoteDescription(msg.sdp);
  await addLocalMedia();
  await pc.setLocalDescription(await pc.createAnswer());
  sendToServer({
    name: myUsername, target: targetUsername, type: "video-answer", sdp: pc.localDescription,
  });
}

async function handleVideoAnswerMsg(msg) {
  if (!myPeerConnection || msg.name !== targetUsername) return;
  await myPeerConnection.setRemoteDescription(msg.sdp);
}

async function handleNewICECandidateMsg(msg) {
  if (!myPeerConnection || (msg.name && msg.name !== targetUsername)) return;
  await myPeerConnection.addIceCandidate(msg.candidate);
}

function closeVideoCall() {
  if (statsTimer) {
    clearInterval(statsTimer);
    statsTimer = null;
  }
  const pc = myPeerConnection;
  if (pc) {
    myPeerConnection = null;
    pc.ontrack = null;
    pc.onicecandidate = null;
    pc.onconnectionstatechange = null;
    pc.onnegotiationneeded = null;
    pc.ondatachannel = null;
    pc.close();
    setCallState("closed");
  }
  if (localStream) {
    localStream.getTracks().forEach((t) => t.stop());
    localStream = null;
  }
  $("local_video").srcObject = null;
  $("received_video").srcObject = null;
  dataChannel = null;
  $("dc-text").disabled = true;
  $("dc-send").disabled = true;
  $("hangup-button").disabled = true;
  $("call-peer").textContent = "none";
  targetUsername = null;
  lastBytes = 0;
  lastTime = 0;
}

function hangUpCall() {
  const target = targetUsername;
  closeVideoCall();
  if (target) {
    sendToServer({ name: myUsername, target: target, type: "hang-up" });
  }
}

window.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    connect();
  });
  $("chat-form").addEventListener("submit", (e) => {
    e.preventDefault();
    handleSendButton();
  });
  $("dc-form").addEventListener("submit", (e) => {
    e.preventDefault();
    handleDcSend();
  });
  $("hangup-button").addEventListener("click", hangUpCall);
});
