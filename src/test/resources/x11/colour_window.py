"""An X11 window of one colour for the window-capture ITs (ColourWindow.java).

Usage: colour_window.py WIDTH HEIGHT COLOUR. Prints the top-level window's XID (decimal) once it
is mapped, then reads stdin: a line with a colour repaints the window, end of input closes it.
"""
import sys
import tkinter as tk

width, height, colour = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
root = tk.Tk()
root.title("jrtc colour window")
root.geometry(f"{width}x{height}+60+40")
root.configure(bg=colour, highlightthickness=0, borderwidth=0)
root.resizable(False, False)
root.update()
root.update()
# wm_frame: the top-level window (the window manager's frame when one reparents it).
print(int(root.wm_frame(), 16), flush=True)


def on_input(_file, _mask):
    line = sys.stdin.readline()
    if not line:
        root.destroy()
        return
    root.configure(bg=line.strip())
    root.update()
    print("painted", line.strip(), flush=True)


root.tk.createfilehandler(sys.stdin, tk.READABLE, on_input)
root.mainloop()
