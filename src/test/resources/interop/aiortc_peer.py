"""aiortc side of jrtc's interop suite: the peer protocol (see PeerLink.java) as JSON lines on
stdin/stdout; diagnostics on stderr. Run with /usr/bin/python3 (Debian's python3-aiortc)."""
import array
import asyncio
import json
import logging
import math
import sys

import aiortc
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack

GREETING = "hello from aiortc \u2713"


WIDTH, HEIGHT = 320, 240  # small frames keep the encoder cheap on a shared machine


class Tone(AudioStreamTrack):
    """A 440 Hz sine at half scale (RMS 0.35): aiortc's own AudioStreamTrack is silence."""

    async def recv(self):
        frame = await super().recv()  # silence with aiortc's pacing and timestamps
        rate, n = frame.sample_rate, frame.samples
        samples = array.array("h", (int(16384 * math.sin(2 * math.pi * 440 * (frame.pts + i) / rate))
                                    for i in range(n)))
        frame.planes[0].update(samples.tobytes())
        return frame


class Pattern(VideoStreamTrack):
    """WIDTHxHEIGHT frames at aiortc's 30 fps whose brightness changes every frame."""

    def __init__(self):
        super().__init__()
        self.count = 0

    async def recv(self):
        from av import VideoFrame

        pts, time_base = await self.next_timestamp()
        frame = VideoFrame(width=WIDTH, height=HEIGHT)
        luma = 16 + (self.count * 4) % 220
        self.count += 1
        for i, p in enumerate(frame.planes):
            p.update(bytes([luma if i == 0 else 128]) * p.buffer_size)
        frame.pts = pts
        frame.time_base = time_base
        return frame


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class Peer:
    def __init__(self):
        # No ICE servers: aiortc's default is Google's public STUN server, unreachable (and
        # unwanted) in the test namespace; gathering would wait for it.
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.channel = None
        self.counts = dict(messagesSent=0, bytesSent=0, messagesReceived=0, bytesReceived=0)

        @self.pc.on("connectionstatechange")
        def on_state():
            send({"type": "state", "connectionState": self.pc.connectionState})

        self.inbound = {
            "video": {"framesDecoded": 0, "frameWidth": 0, "frameHeight": 0},
            "audio": {"totalAudioEnergy": 0.0, "totalSamplesDuration": 0.0},
        }

        @self.pc.on("track")
        def on_track(track):
            asyncio.ensure_future(self.consume(track))

        @self.pc.on("datachannel")
        def on_channel(channel):
            self.wire(channel)

    def wire(self, channel):
        self.channel = channel

        def greet():
            channel.send(GREETING)
            self.counts["messagesSent"] += 1
            self.counts["bytesSent"] += len(GREETING.encode())

        if channel.readyState == "open":
            send({"type": "channel", "state": "open", "label": channel.label})
            greet()

        @channel.on("open")
        def on_open():
            send({"type": "channel", "state": "open", "label": channel.label})
            greet()

        @channel.on("message")
        def on_message(data):
            self.counts["messagesReceived"] += 1
            self.counts["bytesReceived"] += len(data.encode() if isinstance(data, str) else data)
            send({"type": "message", "data": data if isinstance(data, str) else data.hex()})

        @channel.on("close")
        def on_close():
            send({"type": "channel", "state": "closed", "label": channel.label})

    async def consume(self, track):
        """Decoded frames of a track jrtc sends: count and size (video), energy (audio), the
        same members browsers put in inbound-rtp stats."""
        v, a = self.inbound["video"], self.inbound["audio"]
        while True:
            try:
                frame = await track.recv()
            except Exception:  # MediaStreamError once the track ends
                return
            if track.kind == "video":
                v["framesDecoded"] += 1
                v["frameWidth"], v["frameHeight"] = frame.width, frame.height
            else:
                samples = array.array("h", bytes(frame.planes[0]))
                if samples:
                    mean_square = sum(x * x for x in samples) / len(samples) / 32768.0 ** 2
                    duration = frame.samples / frame.sample_rate
                    a["totalAudioEnergy"] += mean_square * duration
                    a["totalSamplesDuration"] += duration

    async def outbound(self):
        """packetsSent/bytesSent per kind, as aiortc's getStats reports them."""
        result = {}
        report = await self.pc.getStats()
        for s in report.values():
            if s.type == "outbound-rtp":
                result[s.kind] = {"packetsSent": s.packetsSent, "bytesSent": s.bytesSent}
            elif s.type == "inbound-rtp":
                self.inbound[s.kind]["packetsReceived"] = s.packetsReceived
        return result

    async def send_local(self):
        # aiortc does not trickle: its description already holds every candidate.
        d = self.pc.localDescription
        send({"type": "description", "description": {"type": d.type, "sdp": d.sdp}})

    async def handle(self, m):
        kind = m["type"]
        if kind == "start":
            if m.get("media"):
                self.pc.addTrack(Tone())
                self.pc.addTrack(Pattern())
            if m["role"] == "offer":
                self.wire(self.pc.createDataChannel("aiortc"))
                await self.pc.setLocalDescription(await self.pc.createOffer())
                await self.send_local()
        elif kind == "description":
            d = m["description"]
            await self.pc.setRemoteDescription(RTCSessionDescription(sdp=d["sdp"], type=d["type"]))
            if d["type"] == "offer":
                await self.pc.setLocalDescription(await self.pc.createAnswer())
                await self.send_local()
        elif kind == "candidate":
            # Not expected: jrtc sends aiortc complete descriptions (see AiortcIT).
            logging.warning("ignoring trickled candidate %s", m.get("candidate"))
        elif kind == "stats":
            outbound = await self.outbound()
            send({"type": "stats", "id": m.get("id"), "dataChannel": self.counts,
                  "outbound": outbound, "inbound": self.inbound})
        elif kind == "bye":
            await self.pc.close()
            send({"type": "closed"})
            return False
        return True


async def main():
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    send({"type": "version", "version": aiortc.__version__})
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    peer = None
    while True:
        line = await reader.readline()
        if not line:
            break
        m = json.loads(line)
        if peer is None:
            peer = Peer()
        try:
            if not await peer.handle(m):
                break
        except Exception as e:  # report, so the Java side fails with the reason
            logging.exception("handling %s", m["type"])
            send({"type": "error", "message": f"{type(e).__name__}: {e}"})


asyncio.run(main())
