"""Prints an aiortc offer (audio, video, data channel) and the answer aiortc gives to it."""
import asyncio
import sys

from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack


async def main(out_dir):
    a = RTCPeerConnection()
    b = RTCPeerConnection()
    a.addTrack(AudioStreamTrack())
    a.addTrack(VideoStreamTrack())
    a.createDataChannel("chat")
    await a.setLocalDescription(await a.createOffer())
    offer = a.localDescription.sdp
    await b.setRemoteDescription(RTCSessionDescription(offer, "offer"))
    b.addTrack(AudioStreamTrack())
    await b.setLocalDescription(await b.createAnswer())
    answer = b.localDescription.sdp
    with open(f"{out_dir}/aiortc-offer-av-data.sdp", "w", newline="") as f:
        f.write(offer)
    with open(f"{out_dir}/aiortc-answer-av-data.sdp", "w", newline="") as f:
        f.write(answer)
    await a.close()
    await b.close()


asyncio.run(main(sys.argv[1]))
