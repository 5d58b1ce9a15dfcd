"""Serves chromium-offer.html on loopback, runs headless Chromium on it with fake devices, and
writes the offer/answer the page posts back. Usage: chromium_capture.py OUT_DIR"""
import http.server
import json
import os
import subprocess
import sys
import threading

out_dir = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
page = open(os.path.join(here, "chromium-offer.html"), "rb").read()
done = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(page)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()
        result = json.loads(body)
        if "error" in result:
            print("chromium: " + result["error"], file=sys.stderr)
        else:
            for kind in ("offer", "answer"):
                with open(f"{out_dir}/chromium-{kind}-av-data.sdp", "w", newline="") as f:
                    f.write(result[kind])
        done.set()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
chromium = subprocess.Popen(
    [
        "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--user-data-dir=" + os.path.join(out_dir, ".chromium-profile"),
        f"http://127.0.0.1:{server.server_port}/",
    ],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
ok = done.wait(60)
chromium.terminate()
chromium.wait(10)
server.shutdown()
sys.exit(0 if ok else 1)
