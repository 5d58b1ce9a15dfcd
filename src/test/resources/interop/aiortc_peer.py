"""aiortc side of jrtc's interop suite: the peer protocol (see PeerLink.java) as JSON lines on
stdin/stdout; diagnostics on stderr. Run with /usr/bin/python3 (Debian's python3-aiortc)."""
import asyncio
import json
import logging
import sys

import aiortc
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

GREETING = "hello from aiortc \u2713"


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

    async def send_local(self):
        # aiortc does not trickle: its description already holds every candidate.
        d = self.pc.localDescription
        send({"type": "description", "description": {"type": d.type, "sdp": d.sdp}})

    async def handle(self, m):
        kind = m["type"]
        if kind == "start":
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
            send({"type": "stats", "dataChannel": self.counts})
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
