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

// api/data_channel_interface.h DataChannelInterface: RefCountInterface's slots, then
// RegisterObserver and UnregisterObserver first. Only those two are ever called; the rest of
// the vtable is not declared and never touched.
class DataChannelInterface : public RefCounted {
 public:
  virtual void RegisterObserver(DataChannelObserver* observer) = 0;
  virtual void UnregisterObserver() = 0;

 protected:
  ~DataChannelInterface() override = default;
};

static_assert(sizeof(Buffer) == 24, "BufferT<uint8_t> layout");
static_assert(sizeof(CopyOnWriteBuffer) == 24, "CopyOnWriteBuffer layout");
static_assert(offsetof(DataBuffer, binary) == 24, "DataBuffer layout");

}  // namespace jrtc::m138

#endif  // JRTC_WEBRTC_M138_H_
