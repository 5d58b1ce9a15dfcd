package io.github.jrtc.internal.sdp;

/**
 * One m-section of an SDP: its index, kind ("audio", "video", "application"), mid and ICE ufrag.
 */
public record MediaSection(int index, String kind, String mid, String iceUfrag) {}
