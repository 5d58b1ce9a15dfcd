// Mirror declarations of the few libwebrtc M138 types jrtc's data-channel observer touches.
//
// webrtc-java 0.14.0 links libwebrtc M138 statically and hides its C++ symbols, so nothing here
// can be linked against it: every call goes through a vtable, every read through a struct laid
// out exactly like libwebrtc's (Itanium C++ ABI, x86-64). Checked against the M138 branch
// (Chromium branch 7204) headers: api/ref_count.h, api/data_channel_interface.h,
// rtc_base/copy_on_write_buffer.h, rtc_base/buffer.h, rtc_base/ref_counted_object.h,
// api/scoped_refptr.h. Any other libwebrtc version needs these re-checked (see native/README.md).
#ifndef JRTC_WEBRTC_M138_H_
#define JRTC_WEBRTC_M138_H_

#include <cstddef>
#include <cstdint>

namespace jrtc::m138 {

// api/ref_count.h: AddRef, Release, then the (protected, virtual) destructor pair.
class RefCounted {
 public:
  virtual void AddRef() const = 0;
  virtual int Release() const = 0;  // RefCountReleaseStatus, an int-sized enum class

 protected:
  virtual ~RefCounted() = default;
};

// rtc_base/buffer.h BufferT<uint8_t>: size_t size_, size_t capacity_, unique_ptr<uint8_t[]>
// data_ (a bare pointer: the default deleter is empty). The object copy_on_write_buffer.h
// points at is FinalRefCountedObject<Buffer>, which derives from it without a vtable, so the
// Buffer sits at offset 0 and its ref counter after it.
struct Buffer {
  size_t size;
  size_t capacity;
  uint8_t* data;
};

// rtc_base/copy_on_write_buffer.h: scoped_refptr<RefCountedBuffer> buffer_ (one pointer),
// size_t offset_, size_t size_. data() is buffer_->data + offset_, or null without a buffer.
struct CopyOnWriteBuffer {
  Buffer* buffer;
  size_t offset;
  size_t size;
};

// api/data_channel_interface.h DataBuffer: CopyOnWriteBuffer data; bool binary.
struct DataBuffer {
  CopyOnWriteBuffer data;
  bool binary;
};

// api/data_channel_interface.h DataChannelObserver, in declaration order (M138 has no
// OnMaxMessageSize yet: it came later, after IsOkToCallOnTheNetworkThread).
class DataChannelObserver {
 public:
  virtual void OnStateChange() = 0;
  virtual void OnMessage(const DataBuffer& buffer) = 0;
  virtual void OnBufferedAmountChange(uint64_t sent_data_size) = 0;
  virtual bool IsOkToCallOnTheNetworkThread() = 0;

 protected:
  virtual ~DataChannelObserver() = default;
};

// api/rtc_error.h RTCError: RTCErrorType type_ (int-sized enum class), std::string message_
// (webrtc-java builds libwebrtc with Chromium's libc++: 24 bytes), RTCErrorDetailType
// error_detail_ (int-sized), std::optional<uint16_t> sctp_cause_code_ (value, then engaged flag).
// Only ever filled by libwebrtc (returned through the hidden result pointer, as any 40-byte type
// is) and read; never destroyed, so a message too long for libc++'s inline buffer (22 chars) is
// leaked: a few dozen bytes per channel that closes with an error.
struct RTCError {
  int type;  // 0: RTCErrorType::NONE
  alignas(8) unsigned char message[24];  // std::__Cr::string: pointer-aligned
  int error_detail;  // RTCErrorDetailType: 0 NONE, 1 DATA_CHANNEL_FAILURE, ..., 4 SCTP_FAILURE
  uint16_t sctp_cause_code;
  bool has_sctp_cause_code;
};
static_assert(sizeof(RTCError) == 40, "RTCError layout");
static_assert(offsetof(RTCError, error_detail) == 32, "RTCError layout");
static_assert(offsetof(RTCError, sctp_cause_code) == 36, "RTCError layout");

// api/data_channel_interface.h DataChannelInterface: RefCountInterface's slots, then in
// declaration order. Only RegisterObserver (4), UnregisterObserver (5), state (15) and error (16)
// are called; the others only hold their slots. M138 has no maxRetransmitTime/maxRetransmits
// (uint16_t) slots: webrtc-java 0.14.0's JNI calls maxRetransmitsOpt at +0x48 (slot 9), id at
// +0x68 (13), state at +0x78 (15), buffered_amount at +0xa8 (21) and Close at +0xb0 (22) (objdump
// of libwebrtc-java-linux-x86_64.so), which puts error() at slot 16.
class DataChannelInterface : public RefCounted {
 public:
  enum DataState : int { kConnecting, kOpen, kClosing, kClosed };

  virtual void RegisterObserver(DataChannelObserver* observer) = 0;
  virtual void UnregisterObserver() = 0;
  virtual void Slot6Label() const = 0;
  virtual void Slot7Reliable() const = 0;
  virtual void Slot8Ordered() const = 0;
  virtual void Slot9MaxRetransmitsOpt() const = 0;
  virtual void Slot10MaxPacketLifeTime() const = 0;
  virtual void Slot11Protocol() const = 0;
  virtual void Slot12Negotiated() const = 0;
  virtual void Slot13Id() const = 0;
  virtual void Slot14Priority() const = 0;
  // Inside an observer callback on the signaling thread both answer what was current when
  // libwebrtc issued that event (SctpDataChannel's ObserverAdapter caches them): no thread hop.
  virtual DataState state() const = 0;
  virtual RTCError error() const = 0;

 protected:
  ~DataChannelInterface() override = default;
};

// api/audio/audio_device.h AudioDeviceModule (M138), every virtual in declaration order after
// RefCountInterface's four slots. Parameter and return types are ABI-equal stand-ins: AudioLayer
// and WindowsDeviceType are unscoped int-sized enums, AudioTransport is only passed through.
// kAdmMaxDeviceNameSize and kAdmMaxGuidSize are 128; array parameters decay to char*.
// Not WEBRTC_IOS: the two iOS-only slots at the end do not exist in webrtc-java's Linux build.
class AudioTransport;

struct AudioDeviceStats {  // AudioDeviceModule::Stats
  double synthesized_samples_duration_s;
  uint64_t synthesized_samples_events;
  double total_samples_duration_s;
  double total_playout_delay_s;
  uint64_t total_samples_count;
};

// std::optional<Stats>: the trivially copyable payload, then the engaged flag (libc++ and
// libstdc++ agree); 48 bytes, so returned through a hidden pointer either way.
struct OptionalAudioDeviceStats {
  AudioDeviceStats value;
  bool engaged;
};

class AudioDeviceModule : public RefCounted {
 public:
  enum AudioLayer : int {};
  enum WindowsDeviceType : int {};

  virtual int32_t ActiveAudioLayer(AudioLayer* audioLayer) const = 0;
  virtual int32_t RegisterAudioCallback(AudioTransport* audioCallback) = 0;
  virtual int32_t Init() = 0;
  virtual int32_t Terminate() = 0;
  virtual bool Initialized() const = 0;
  virtual int16_t PlayoutDevices() = 0;
  virtual int16_t RecordingDevices() = 0;
  virtual int32_t PlayoutDeviceName(uint16_t index, char* name, char* guid) = 0;
  virtual int32_t RecordingDeviceName(uint16_t index, char* name, char* guid) = 0;
  virtual int32_t SetPlayoutDevice(uint16_t index) = 0;
  virtual int32_t SetPlayoutDevice(WindowsDeviceType device) = 0;
  virtual int32_t SetRecordingDevice(uint16_t index) = 0;
  virtual int32_t SetRecordingDevice(WindowsDeviceType device) = 0;
  virtual int32_t PlayoutIsAvailable(bool* available) = 0;
  virtual int32_t InitPlayout() = 0;
  virtual bool PlayoutIsInitialized() const = 0;
  virtual int32_t RecordingIsAvailable(bool* available) = 0;
  virtual int32_t InitRecording() = 0;
  virtual bool RecordingIsInitialized() const = 0;
  virtual int32_t StartPlayout() = 0;
  virtual int32_t StopPlayout() = 0;
  virtual bool Playing() const = 0;
  virtual int32_t StartRecording() = 0;
  virtual int32_t StopRecording() = 0;
  virtual bool Recording() const = 0;
  virtual int32_t InitSpeaker() = 0;
  virtual bool SpeakerIsInitialized() const = 0;
  virtual int32_t InitMicrophone() = 0;
  virtual bool MicrophoneIsInitialized() const = 0;
  virtual int32_t SpeakerVolumeIsAvailable(bool* available) = 0;
  virtual int32_t SetSpeakerVolume(uint32_t volume) = 0;
  virtual int32_t SpeakerVolume(uint32_t* volume) const = 0;
  virtual int32_t MaxSpeakerVolume(uint32_t* maxVolume) const = 0;
  virtual int32_t MinSpeakerVolume(uint32_t* minVolume) const = 0;
  virtual int32_t MicrophoneVolumeIsAvailable(bool* available) = 0;
  virtual int32_t SetMicrophoneVolume(uint32_t volume) = 0;
  virtual int32_t MicrophoneVolume(uint32_t* volume) const = 0;
  virtual int32_t MaxMicrophoneVolume(uint32_t* maxVolume) const = 0;
  virtual int32_t MinMicrophoneVolume(uint32_t* minVolume) const = 0;
  virtual int32_t SpeakerMuteIsAvailable(bool* available) = 0;
  virtual int32_t SetSpeakerMute(bool enable) = 0;
  virtual int32_t SpeakerMute(bool* enabled) const = 0;
  virtual int32_t MicrophoneMuteIsAvailable(bool* available) = 0;
  virtual int32_t SetMicrophoneMute(bool enable) = 0;
  virtual int32_t MicrophoneMute(bool* enabled) const = 0;
  virtual int32_t StereoPlayoutIsAvailable(bool* available) const = 0;
  virtual int32_t SetStereoPlayout(bool enable) = 0;
  virtual int32_t StereoPlayout(bool* enabled) const = 0;
  virtual int32_t StereoRecordingIsAvailable(bool* available) const = 0;
  virtual int32_t SetStereoRecording(bool enable) = 0;
  virtual int32_t StereoRecording(bool* enabled) const = 0;
  virtual int32_t PlayoutDelay(uint16_t* delayMS) const = 0;
  virtual bool BuiltInAECIsAvailable() const = 0;
  virtual bool BuiltInAGCIsAvailable() const = 0;
  virtual bool BuiltInNSIsAvailable() const = 0;
  virtual int32_t EnableBuiltInAEC(bool enable) = 0;
  virtual int32_t EnableBuiltInAGC(bool enable) = 0;
  virtual int32_t EnableBuiltInNS(bool enable) = 0;
  virtual int32_t GetPlayoutUnderrunCount() const = 0;
  virtual OptionalAudioDeviceStats GetStats() const = 0;

 protected:
  ~AudioDeviceModule() override = default;
};

static_assert(sizeof(AudioDeviceStats) == 40, "AudioDeviceModule::Stats layout");
static_assert(sizeof(OptionalAudioDeviceStats) == 48, "std::optional<Stats> layout");

static_assert(sizeof(Buffer) == 24, "BufferT<uint8_t> layout");
static_assert(sizeof(CopyOnWriteBuffer) == 24, "CopyOnWriteBuffer layout");
static_assert(offsetof(DataBuffer, binary) == 24, "DataBuffer layout");

}  // namespace jrtc::m138

#endif  // JRTC_WEBRTC_M138_H_
