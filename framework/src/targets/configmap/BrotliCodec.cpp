//
// BrotliCodec.cpp
//

#include "sbomop/targets/configmap/BrotliCodec.h"
#include <Poco/Exception.h>
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <memory>
#include <vector>

namespace sbomop {
namespace targets {

namespace
{
	const int WINDOW_BITS = 22;
	const std::size_t CHUNK = 64 * 1024;
}

std::string BrotliCodec::compress(const std::string& data, int quality)
{
	if (quality < BROTLI_MIN_QUALITY || quality > BROTLI_MAX_QUALITY)
	{
		throw Poco::InvalidArgumentException("brotli quality must be 0 to 11, not " + std::to_string(quality));
	}
	std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
	if (size == 0) throw Poco::RuntimeException("brotli cannot compress " + std::to_string(data.size()) + " bytes");
	std::string output(size, '\0');
	if (!BrotliEncoderCompress(quality, WINDOW_BITS, BROTLI_MODE_TEXT, data.size(),
		reinterpret_cast<const uint8_t*>(data.data()), &size, reinterpret_cast<uint8_t*>(&output[0])))
	{
		throw Poco::RuntimeException("brotli compression failed");
	}
	output.resize(size);
	return output;
}

std::string BrotliCodec::decompress(const std::string& data, std::size_t maxOutput)
{
	std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
		BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
	if (!state) throw Poco::RuntimeException("cannot create a brotli decoder");
	std::string output;
	std::vector<uint8_t> chunk(CHUNK);
	std::size_t availableIn = data.size();
	const uint8_t* nextIn = reinterpret_cast<const uint8_t*>(data.data());
	for (;;)
	{
		std::size_t availableOut = chunk.size();
		uint8_t* nextOut = chunk.data();
		const BrotliDecoderResult result = BrotliDecoderDecompressStream(state.get(), &availableIn, &nextIn, &availableOut, &nextOut, nullptr);
		const std::size_t produced = chunk.size() - availableOut;
		if (output.size() + produced > maxOutput)
		{
			throw Poco::RangeException("brotli stream expands beyond " + std::to_string(maxOutput) + " bytes");
		}
		output.append(reinterpret_cast<const char*>(chunk.data()), produced);
		switch (result)
		{
		case BROTLI_DECODER_RESULT_SUCCESS:
			if (availableIn != 0) throw Poco::DataFormatException("trailing bytes after the brotli stream");
			return output;
		case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
			break;
		case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
			throw Poco::DataFormatException("truncated brotli stream");
		default:
			throw Poco::DataFormatException(std::string("corrupt brotli stream: ")
				+ BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get())));
		}
	}
}

} } // namespace sbomop::targets
