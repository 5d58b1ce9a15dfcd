"""Prints a GStreamer webrtcbin offer with an Opus audio and a VP8 video stream and a data
channel."""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstWebRTC", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import GLib, Gst, GstWebRTC  # noqa: E402

Gst.init(None)
out_dir = sys.argv[1]
pipe = Gst.parse_launch(
    "webrtcbin name=w bundle-policy=max-bundle "
    "audiotestsrc is-live=true ! opusenc ! rtpopuspay ! "
    "application/x-rtp,media=audio,encoding-name=OPUS,payload=96 ! w. "
    "videotestsrc is-live=true ! vp8enc deadline=1 ! rtpvp8pay ! "
    "application/x-rtp,media=video,encoding-name=VP8,payload=97 ! w."
)
w = pipe.get_by_name("w")
loop = GLib.MainLoop()


def on_offer(promise, _):
    reply = promise.get_reply()
    offer = reply.get_value("offer")
    with open(f"{out_dir}/gstreamer-offer-av-data.sdp", "w", newline="") as f:
        f.write(offer.sdp.as_text())
    loop.quit()


def on_negotiation_needed(element):
    element.emit("create-offer", None, Gst.Promise.new_with_change_func(on_offer, None))


w.connect("on-negotiation-needed", on_negotiation_needed)
pipe.set_state(Gst.State.PLAYING)
w.emit("create-data-channel", "chat", None)
GLib.timeout_add_seconds(20, loop.quit)
loop.run()
pipe.set_state(Gst.State.NULL)
