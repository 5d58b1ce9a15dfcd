"""GStreamer webrtcbin side of jrtc's interop suite: offers VP8 + Opus + a data channel and speaks
the peer protocol (see PeerLink.java) as JSON lines on stdin/stdout; diagnostics on stderr."""
import json
import logging
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
gi.require_version("GstWebRTC", "1.0")
from gi.repository import GLib, Gst, GstSdp, GstWebRTC  # noqa: E402

GREETING = "hello from gstreamer \u2713"
# Small frames keep the encoder cheap on a shared 2-core machine.
PIPELINE = """
webrtcbin name=webrtc bundle-policy=max-bundle
videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=30/1
 ! videoconvert ! vp8enc deadline=1 cpu-used=8 ! rtpvp8pay
 ! application/x-rtp,media=video,encoding-name=VP8,payload=96 ! webrtc.
audiotestsrc is-live=true wave=sine freq=440 volume=0.5 ! audioconvert ! audioresample
 ! opusenc ! rtpopuspay ! application/x-rtp,media=audio,encoding-name=OPUS,payload=111 ! webrtc.
"""

out_lock = threading.Lock()


def send(message):
    with out_lock:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()


class Peer:
    def __init__(self, loop):
        self.loop = loop
        self.pipe = Gst.parse_launch(PIPELINE)
        self.webrtc = self.pipe.get_by_name("webrtc")
        self.channel = None
        self.offered = False
        self.counts = dict(messagesSent=0, bytesSent=0, messagesReceived=0, bytesReceived=0)
        self.webrtc.connect("on-negotiation-needed", self.on_negotiation_needed)
        self.webrtc.connect("on-ice-candidate", self.on_ice_candidate)
        self.webrtc.connect("notify::connection-state", self.on_connection_state)
        self.webrtc.connect("pad-added", self.on_incoming)
        self.answer_sdp = ""
        self.inbound = {
            "video": {"framesDecoded": 0, "frameWidth": 0, "frameHeight": 0},
            "audio": {"totalAudioEnergy": 0.0, "totalSamplesDuration": 0.0},
        }
        bus = self.pipe.get_bus()
        bus.add_signal_watch()
        bus.connect("message::error", self.on_bus_error)
        bus.connect("message::element", self.on_level)

    def on_incoming(self, _webrtc, pad):
        """Decodes what jrtc sends: video frames counted at a fakesink, audio measured by level."""
        if pad.direction != Gst.PadDirection.SRC:
            return
        decode = Gst.ElementFactory.make("decodebin")
        decode.connect("pad-added", self.on_decoded)
        self.pipe.add(decode)
        decode.sync_state_with_parent()
        pad.link(decode.get_static_pad("sink"))

    def on_decoded(self, _decodebin, pad):
        caps = pad.get_current_caps() or pad.query_caps(None)
        if caps.get_structure(0).get_name().startswith("video"):
            chain = "videoconvert ! fakesink name=frames sync=false signal-handoffs=true"
        else:
            chain = "audioconvert ! level interval=100000000 post-messages=true ! fakesink sync=false"
        bin_ = Gst.parse_bin_from_description(chain, True)
        self.pipe.add(bin_)
        bin_.sync_state_with_parent()
        pad.link(bin_.get_static_pad("sink"))
        sink = bin_.get_by_name("frames")
        if sink is not None:
            sink.connect("handoff", self.on_frame)

    def on_frame(self, _sink, _buffer, pad):
        v = self.inbound["video"]
        v["framesDecoded"] += 1
        s = pad.get_current_caps().get_structure(0)
        v["frameWidth"], v["frameHeight"] = s.get_int("width")[1], s.get_int("height")[1]

    def on_level(self, _bus, message):
        s = message.get_structure()
        if s is None or s.get_name() != "level":
            return
        rms_db = s.get_value("rms")
        if rms_db:
            linear = sum(10 ** (db / 20) for db in rms_db) / len(rms_db)
            a = self.inbound["audio"]
            a["totalAudioEnergy"] += linear * linear * 0.1
            a["totalSamplesDuration"] += 0.1

    def on_bus_error(self, _bus, message):
        err, debug = message.parse_error()
        send({"type": "error", "message": f"{err.message} ({debug})"})

    def on_connection_state(self, webrtc, _spec):
        state = webrtc.get_property("connection-state").value_nick
        send({"type": "state", "connectionState": state})

    def on_ice_candidate(self, _webrtc, mline, candidate):
        send({"type": "candidate", "candidate": {"candidate": candidate, "sdpMLineIndex": mline}})

    def on_negotiation_needed(self, webrtc):
        # Fires again when the data channel is added; one offer covers everything.
        if self.offered:
            return
        self.offered = True
        promise = Gst.Promise.new_with_change_func(self.on_offer_created, None)
        webrtc.emit("create-offer", None, promise)

    def on_offer_created(self, promise, _data):
        reply = promise.get_reply()
        offer = reply.get_value("offer") if reply and reply.has_field("offer") else None
        if offer is None:
            send({"type": "error", "message": f"create-offer: {reply and reply.to_string()}"})
            return
        self.webrtc.emit("set-local-description", offer, Gst.Promise.new())
        self.offer_sdp = offer.sdp.as_text()
        send({"type": "description",
              "description": {"type": "offer", "sdp": offer.sdp.as_text()}})

    def wire(self, channel):
        self.channel = channel

        def on_open(ch):
            send({"type": "channel", "state": "open", "label": ch.get_property("label")})
            ch.emit("send-string", GREETING)
            self.counts["messagesSent"] += 1
            self.counts["bytesSent"] += len(GREETING.encode())

        def on_message(ch, text):
            self.counts["messagesReceived"] += 1
            self.counts["bytesReceived"] += len(text.encode())
            send({"type": "message", "data": text})

        def on_close(ch):
            send({"type": "channel", "state": "closed", "label": ch.get_property("label")})

        channel.connect("on-open", on_open)
        channel.connect("on-message-string", on_message)
        channel.connect("on-close", on_close)

    def on_stats(self, promise, request_id):
        """packetsSent/bytesSent per kind from webrtcbin's outbound-rtp stats; the kind comes from
        the offer's a=ssrc lines (webrtcbin 1.22's stats do not carry it)."""
        kind_of = {}
        kind = None
        for line in (self.offer_sdp + "\r\n" + self.answer_sdp).splitlines():
            if line.startswith("m="):
                kind = line[2:].split()[0]
            elif line.startswith("a=ssrc:"):
                kind_of[int(line[7:].split()[0])] = kind
        outbound = {}

        def visit(_field, value, _user):
            if isinstance(value, Gst.Structure):
                ok, t = value.get_enum("type", GstWebRTC.WebRTCStatsType)
                if ok and t == GstWebRTC.WebRTCStatsType.OUTBOUND_RTP:
                    _, ssrc = value.get_uint("ssrc")
                    _, packets = value.get_uint64("packets-sent")
                    _, octets = value.get_uint64("bytes-sent")
                    outbound[kind_of.get(ssrc, str(ssrc))] = {"packetsSent": packets,
                                                              "bytesSent": octets}
                elif ok and t == GstWebRTC.WebRTCStatsType.INBOUND_RTP:
                    _, ssrc = value.get_uint("ssrc")
                    _, packets = value.get_uint64("packets-received")
                    k = kind_of.get(ssrc)
                    if k in self.inbound:
                        self.inbound[k]["packetsReceived"] = packets
            return True

        promise.get_reply().foreach(visit, None)
        send({"type": "stats", "id": request_id, "dataChannel": self.counts,
              "outbound": outbound, "inbound": self.inbound})

    def handle(self, m):
        kind = m["type"]
        if kind == "start":
            if m["role"] != "offer":
                send({"type": "error", "message": "this peer only offers"})
                return
            self.pipe.set_state(Gst.State.READY)
            self.wire(self.webrtc.emit("create-data-channel", "gstreamer", None))
            self.pipe.set_state(Gst.State.PLAYING)
        elif kind == "description":
            d = m["description"]
            self.answer_sdp = d["sdp"]
            _, sdp = GstSdp.SDPMessage.new_from_text(d["sdp"])
            kind = GstWebRTC.WebRTCSDPType.ANSWER
            desc = GstWebRTC.WebRTCSessionDescription.new(kind, sdp)
            self.webrtc.emit("set-remote-description", desc, Gst.Promise.new())
        elif kind == "candidate":
            c = m.get("candidate")
            if c and c.get("candidate"):
                self.webrtc.emit("add-ice-candidate", c["sdpMLineIndex"], c["candidate"])
        elif kind == "stats":
            promise = Gst.Promise.new_with_change_func(self.on_stats, m.get("id"))
            self.webrtc.emit("get-stats", None, promise)
        elif kind == "bye":
            self.pipe.set_state(Gst.State.NULL)
            send({"type": "closed"})
            self.loop.quit()


def read_stdin(loop, holder):
    for line in sys.stdin:
        if line.strip():
            GLib.idle_add(dispatch, holder, json.loads(line))
    GLib.idle_add(loop.quit)


def dispatch(holder, m):
    try:
        holder["peer"].handle(m)
    except Exception as e:  # report, so the Java side fails with the reason
        logging.exception("handling %s", m["type"])
        send({"type": "error", "message": f"{type(e).__name__}: {e}"})
    return False


def main():
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    Gst.init(None)
    send({"type": "version", "version": Gst.version_string()})
    loop = GLib.MainLoop()
    holder = {"peer": Peer(loop)}
    threading.Thread(target=read_stdin, args=(loop, holder), daemon=True).start()
    loop.run()


main()
