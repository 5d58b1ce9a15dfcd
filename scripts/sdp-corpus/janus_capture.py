"""Captures a Janus answer (echotest, to a Chromium offer from the corpus) and a Janus offer
(streaming plugin, watching an RTP mountpoint with Opus audio and VP8 video) into OUT_DIR.

Starts Debian's janus from a generated minimal configuration (plain HTTP transport on 127.0.0.1,
only the two plugins; like the interop suite's JanusServer) and talks to its HTTP API. Run it
inside the test namespace (scripts/netns exec): Janus gathers candidates on its interfaces.
"""
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

LIBS = "/usr/lib/x86_64-linux-gnu/janus"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def host_address():
    out = subprocess.run(["ip", "-4", "-o", "addr", "show", "scope", "global"],
                         capture_output=True, text=True, check=True).stdout.split()
    return out[out.index("inet") + 1].split("/")[0] if "inet" in out else "127.0.0.1"


def write_config(d, port):
    for sub in ("conf", "plugins", "transports", "events", "loggers"):
        os.makedirs(f"{d}/{sub}", exist_ok=True)
    for p in ("echotest", "streaming"):
        os.symlink(f"{LIBS}/plugins/libjanus_{p}.so", f"{d}/plugins/libjanus_{p}.so")
    os.symlink(f"{LIBS}/transports/libjanus_http.so", f"{d}/transports/libjanus_http.so")
    c = f"{d}/conf"
    with open(f"{c}/janus.jcfg", "w") as f:
        f.write(f"""general: {{
  configs_folder = "{c}"
  plugins_folder = "{d}/plugins"
  transports_folder = "{d}/transports"
  events_folder = "{d}/events"
  loggers_folder = "{d}/loggers"
  debug_level = 4
  interface = "{host_address()}"
}}
media: {{
  ipv6 = false
}}
nat: {{
  nice_debug = false
}}
""")
    with open(f"{c}/janus.transport.http.jcfg", "w") as f:
        f.write(f"""general: {{
  json = "plain"
  base_path = "/janus"
  http = true
  port = {port}
  ip = "127.0.0.1"
  https = false
}}
admin: {{
  admin_http = false
}}
""")
    with open(f"{c}/janus.plugin.echotest.jcfg", "w") as f:
        f.write("general: {\n}\n")
    audio, video = free_port(), free_port()
    with open(f"{c}/janus.plugin.streaming.jcfg", "w") as f:
        f.write(f"""general: {{
}}
corpus: {{
  type = "rtp"
  id = 1
  description = "corpus"
  media = (
    {{ type = "audio" mid = "a" label = "audio" port = {audio} pt = 111 codec = "opus" }},
    {{ type = "video" mid = "v" label = "video" port = {video} pt = 100 codec = "vp8" }}
  )
}}
""")


def post(url, body):
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def tx():
    return "%016x" % random.getrandbits(64)


def await_jsep(session_url, handle_id, deadline):
    while time.time() < deadline:
        with urllib.request.urlopen(f"{session_url}?maxev=1", timeout=35) as r:
            ev = json.load(r)
        for e in ev if isinstance(ev, list) else [ev]:
            if e.get("sender") == handle_id and "jsep" in e:
                return e["jsep"]
    raise SystemExit("no jsep from Janus")


def main(out_dir):
    port = free_port()
    with tempfile.TemporaryDirectory() as d:
        write_config(d, port)
        log = open(f"{d}/janus.log", "w")
        janus = subprocess.Popen(["janus", "-C", f"{d}/conf/janus.jcfg", "-F", f"{d}/conf", "-o"],
                                 stdout=log, stderr=subprocess.STDOUT)
        try:
            api = f"http://127.0.0.1:{port}/janus"
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"{api}/info", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            session = post(api, {"janus": "create", "transaction": tx()})["data"]["id"]
            surl = f"{api}/{session}"
            deadline = time.time() + 30

            echo = post(surl, {"janus": "attach", "plugin": "janus.plugin.echotest",
                               "transaction": tx()})["data"]["id"]
            with open(f"{out_dir}/chromium-offer-av-data.sdp", newline="") as f:
                offer = f.read()
            post(f"{surl}/{echo}", {"janus": "message", "transaction": tx(),
                                    "body": {"audio": True, "video": True},
                                    "jsep": {"type": "offer", "sdp": offer}})
            answer = await_jsep(surl, echo, deadline)["sdp"]

            stream = post(surl, {"janus": "attach", "plugin": "janus.plugin.streaming",
                                 "transaction": tx()})["data"]["id"]
            post(f"{surl}/{stream}", {"janus": "message", "transaction": tx(),
                                      "body": {"request": "watch", "id": 1}})
            janus_offer = await_jsep(surl, stream, deadline)["sdp"]
            post(surl, {"janus": "destroy", "transaction": tx()})
        finally:
            janus.terminate()
            janus.wait(10)
    with open(f"{out_dir}/janus-answer-av-data.sdp", "w", newline="") as f:
        f.write(answer)
    with open(f"{out_dir}/janus-offer-av.sdp", "w", newline="") as f:
        f.write(janus_offer)


main(sys.argv[1])
