//
// fuzz_pod_stream.cpp
//
// The streaming pod parser: JsonStreamScanner framing, SchemaHandler and
// PodBuilder, driven by ListReader (first byte 'L', or 'l' with a 512-byte
// item limit) or WatchReader (any other first byte; 'w' with the small
// limit). Only MalformedResponseException may escape; item counts and byte
// offsets stay consistent with what was delivered and read.
//

#include "FuzzCheck.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ListReader.h"
#include "sbomop/kube/PodBuilder.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/kube/WatchReader.h"
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

using sbomop::fuzz::check;
using sbomop::kube::ListMeta;
using sbomop::kube::ListReader;
using sbomop::kube::MalformedResponseException;
using sbomop::kube::PodBuilder;
using sbomop::kube::PodInfo;
using sbomop::kube::WatchEvent;
using sbomop::kube::WatchEventType;
using sbomop::kube::WatchReader;

namespace {

const std::size_t SMALL_LIMIT = 512;


void readList(const std::string& body, std::size_t limit)
{
	std::istringstream in(body);
	PodBuilder builder;
	ListReader reader(builder, limit);
	std::size_t delivered = 0;
	try
	{
		const ListMeta meta = reader.read(in, [&]() {
			const PodInfo pod = builder.take();
			check(builder.object() == PodInfo(), "take() leaves the builder empty");
			check(pod.name.size() < body.size() && pod.annotations.size() < body.size(), "pod fields come from the body", body);
			++delivered;
		});
		check(meta.itemCount == delivered, "itemCount counts the delivered items", body);
	}
	catch (MalformedResponseException& exc)
	{
		check(exc.displayText().find(" at byte ") != std::string::npos || exc.displayText().find("items[") != std::string::npos,
			"list errors say where", exc.displayText());
	}
}


void readWatch(const std::string& body, std::size_t limit)
{
	std::istringstream in(body);
	WatchReader<PodInfo> reader(in, limit);
	WatchEvent<PodInfo> event;
	std::uint64_t last = 0;
	try
	{
		while (reader.next(event))
		{
			check(reader.offset() > last, "every event consumes bytes", body);
			check(reader.offset() <= body.size(), "the offset stays within the body", body);
			last = reader.offset();
			if (event.type == WatchEventType::Error) check(event.object == PodInfo(), "error events carry no pod", body);
		}
	}
	catch (MalformedResponseException&)
	{
		check(reader.offset() <= body.size(), "the offset stays within the body after an error", body);
	}
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	if (size == 0) return 0;
	const char mode = static_cast<char>(data[0]);
	const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
	const std::size_t limit = mode == 'l' || mode == 'w' ? SMALL_LIMIT : sbomop::kube::JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES;
	if (mode == 'L' || mode == 'l') readList(body, limit);
	else readWatch(body, limit);
	return 0;
}
