//
// WatchReaderTest.cpp
//
// Watch streams: concatenated events independent of newlines and read
// boundaries, BOOKMARK and ERROR events, nothing read past the event being
// returned, clean end of stream, truncated and malformed streams.
//

#include "StreamTestSupport.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/NamespaceBuilder.h"
#include "sbomop/kube/PodBuilder.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/kube/WatchReader.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::kube;
using sbomop::tests::PieceStreamBuf;
using sbomop::tests::WouldBlockError;
using sbomop::tests::fixture;

namespace {

std::string summary(const WatchEvent<PodInfo>& event)
{
	std::string text = watchEventTypeName(event.type);
	if (event.type == WatchEventType::Error)
		return text + " " + std::to_string(event.status.code) + " " + event.status.reason + " " + event.status.message;
	text += " " + event.object.name + "@" + event.object.resourceVersion;
	if (event.object.deleting()) text += " deleting";
	if (event.initialEventsEnd) text += " initial-events-end";
	return text;
}

std::vector<std::string> readAll(std::streambuf& buffer)
{
	std::istream in(&buffer);
	WatchReader<PodInfo> reader(in);
	WatchEvent<PodInfo> event;
	std::vector<std::string> events;
	while (reader.next(event)) events.push_back(summary(event));
	return events;
}

std::vector<std::string> readAll(const std::string& stream, std::size_t pieceSize)
{
	PieceStreamBuf buffer(stream, pieceSize);
	return readAll(buffer);
}

std::string watchError(const std::string& stream)
{
	try
	{
		readAll(stream, 4096);
	}
	catch (const MalformedResponseException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

const std::vector<std::string> FIXTURE_EVENTS = {
	"ADDED web-1@200",
	"MODIFIED web-1@201",
	"ADDED web-2@202",
	"BOOKMARK @250 initial-events-end",
	"DELETED web-1@260 deleting",
	"BOOKMARK @300",
	"ERROR 410 Expired too old resource version: 123 (456)"
};

// Compact events joined by assorted separators; ends[i] is one past event i.
struct BuiltStream
{
	std::string text;
	std::vector<std::size_t> ends;
};

BuiltStream buildStream()
{
	const std::string pod = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"resourceVersion\":\"";
	const std::vector<std::string> events = {
		"{\"type\":\"ADDED\",\"object\":" + pod + "1\"},\"status\":{\"phase\":\"Running\"}}}",
		"{\"type\":\"MODIFIED\",\"object\":" + pod + "2\",\"labels\":{\"a\":\"}{\\\"\"}}}}",
		"{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"3\"}}}",
		"{\"object\":{\"code\":410,\"reason\":\"Expired\",\"message\":\"gone\"},\"type\":\"ERROR\"}"
	};
	const std::vector<std::string> separators = {"", "\n", "", " \r\n\t"};
	BuiltStream stream;
	for (std::size_t i = 0; i < events.size(); ++i)
	{
		stream.text += events[i];
		stream.ends.push_back(stream.text.size());
		stream.text += separators[i];
	}
	return stream;
}

} // namespace


class WatchReaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(WatchReaderTest);
	CPPUNIT_TEST(testReadsEventsOfEveryType);
	CPPUNIT_TEST(testKeepsThePodOfEachEvent);
	CPPUNIT_TEST(testErrorEventCarriesStatusAndNoObject);
	CPPUNIT_TEST(testSameEventsWhenFedOneByteAtATime);
	CPPUNIT_TEST(testSameEventsWhateverTheSplitPoint);
	CPPUNIT_TEST(testReadsNothingBeyondTheEventReturned);
	CPPUNIT_TEST(testReadsNamespaceEvents);
	CPPUNIT_TEST(testEndsCleanlyOnEmptyOrWhitespaceStream);
	CPPUNIT_TEST(testTruncatedStreamsFailOnlyInsideAnEvent);
	CPPUNIT_TEST(testRejectsMalformedEventsWithClearMessages);
	CPPUNIT_TEST(testLimitsEventSize);
	CPPUNIT_TEST(testNamesEventTypes);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReadsEventsOfEveryType()
	{
		CPPUNIT_ASSERT(readAll(fixture("pod-watch.json"), 4096) == FIXTURE_EVENTS);
	}

	void testKeepsThePodOfEachEvent()
	{
		std::istringstream in(fixture("pod-watch.json"));
		WatchReader<PodInfo> reader(in);
		WatchEvent<PodInfo> event;
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT_EQUAL(std::string("shop"), event.object.namespaceName);
		CPPUNIT_ASSERT_EQUAL(std::string("uid-web-1"), event.object.uid);
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), event.object.phase);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), event.object.containerStatuses.size());
		CPPUNIT_ASSERT_EQUAL(std::string("docker-pullable://nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"),
			event.object.containerStatuses[0].imageID);
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT_EQUAL(std::string("done"), event.object.annotations.at("ckotzbauer.sbom-operator.io/nginx"));
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(event.type == WatchEventType::Bookmark);
		CPPUNIT_ASSERT_EQUAL(std::string("250"), event.object.resourceVersion);
		CPPUNIT_ASSERT(event.object.name.empty());
	}

	void testErrorEventCarriesStatusAndNoObject()
	{
		std::istringstream in(fixture("pod-watch.json"));
		WatchReader<PodInfo> reader(in);
		WatchEvent<PodInfo> event;
		for (int i = 0; i < 7; ++i) CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(event.type == WatchEventType::Error);
		CPPUNIT_ASSERT_EQUAL(410, event.status.code);
		CPPUNIT_ASSERT_EQUAL(std::string("Failure"), event.status.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), event.status.reason);
		CPPUNIT_ASSERT(event.object == PodInfo());
		CPPUNIT_ASSERT(!reader.next(event));
		CPPUNIT_ASSERT(!reader.next(event));
	}

	void testSameEventsWhenFedOneByteAtATime()
	{
		CPPUNIT_ASSERT(readAll(fixture("pod-watch.json"), 1) == FIXTURE_EVENTS);
	}

	void testSameEventsWhateverTheSplitPoint()
	{
		const std::string stream = fixture("pod-watch.json");
		std::size_t mismatches = 0;
		for (std::size_t cut = 0; cut <= stream.size(); ++cut)
		{
			PieceStreamBuf buffer(stream, std::vector<std::size_t>{cut});
			if (readAll(buffer) != FIXTURE_EVENTS) ++mismatches;
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), mismatches);
	}

	void testReadsNothingBeyondTheEventReturned()
	{
		// Like a live response: only the bytes of the events sent so far exist;
		// asking for more would block (here: throw WouldBlockError).
		const BuiltStream stream = buildStream();
		PieceStreamBuf buffer(stream.text, 1);
		std::istream in(&buffer);
		WatchReader<PodInfo> reader(in);
		WatchEvent<PodInfo> event;
		const char* const TYPES[] = {"ADDED", "MODIFIED", "BOOKMARK", "ERROR"};
		for (std::size_t i = 0; i < stream.ends.size(); ++i)
		{
			buffer.setLimit(stream.ends[i]);
			CPPUNIT_ASSERT(reader.next(event));
			CPPUNIT_ASSERT_EQUAL(std::string(TYPES[i]), std::string(watchEventTypeName(event.type)));
			CPPUNIT_ASSERT_EQUAL(stream.ends[i], buffer.served());
			CPPUNIT_ASSERT_EQUAL(static_cast<std::uint64_t>(stream.ends[i]), reader.offset());
		}
		CPPUNIT_ASSERT_EQUAL(std::string("gone"), event.status.message);
		buffer.setLimit(stream.ends.back());
		CPPUNIT_ASSERT_THROW(reader.next(event), WouldBlockError);
		buffer.setLimit(stream.text.size());
		CPPUNIT_ASSERT(!reader.next(event));
	}

	void testReadsNamespaceEvents()
	{
		std::istringstream in(fixture("namespace-watch.json"));
		WatchReader<NamespaceInfo> reader(in);
		WatchEvent<NamespaceInfo> event;
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(event.type == WatchEventType::Added);
		CPPUNIT_ASSERT_EQUAL(std::string("shop"), event.object.name);
		CPPUNIT_ASSERT_EQUAL(std::string("enabled"), event.object.labels.at("sbom"));
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(event.type == WatchEventType::Modified);
		CPPUNIT_ASSERT_EQUAL(std::string("disabled"), event.object.labels.at("sbom"));
		CPPUNIT_ASSERT_EQUAL(std::string("11"), event.object.resourceVersion);
		CPPUNIT_ASSERT(reader.next(event));
		CPPUNIT_ASSERT(event.type == WatchEventType::Deleted);
		CPPUNIT_ASSERT(event.object.labels.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("u-shop"), event.object.uid);
		CPPUNIT_ASSERT(!reader.next(event));
	}

	void testEndsCleanlyOnEmptyOrWhitespaceStream()
	{
		CPPUNIT_ASSERT(readAll("", 1).empty());
		CPPUNIT_ASSERT(readAll(" \r\n\t\n", 1).empty());
	}

	void testTruncatedStreamsFailOnlyInsideAnEvent()
	{
		const BuiltStream stream = buildStream();
		std::size_t wrong = 0;
		for (std::size_t length = 0; length <= stream.text.size(); ++length)
		{
			std::size_t complete = 0;
			while (complete < stream.ends.size() && stream.ends[complete] <= length) ++complete;
			const std::size_t afterLast = complete == 0 ? 0 : stream.ends[complete - 1];
			const bool partial = stream.text.substr(afterLast, length - afterLast).find_first_not_of(" \r\n\t") != std::string::npos;

			PieceStreamBuf buffer(stream.text.substr(0, length), 7);
			std::istream in(&buffer);
			WatchReader<PodInfo> reader(in);
			WatchEvent<PodInfo> event;
			std::size_t delivered = 0;
			bool failed = false;
			try
			{
				while (reader.next(event)) ++delivered;
			}
			catch (const MalformedResponseException&)
			{
				failed = true;
			}
			if (delivered != complete || failed != partial) ++wrong;
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), wrong);
	}

	void testRejectsMalformedEventsWithClearMessages()
	{
		const std::pair<std::string, std::string> CASES[] = {
			{"x", "expected a watch event object, found 'x' at byte 0"},
			{"{\"type\":\"ADDED\",\"object\":{}}]", "expected a watch event object, found ']' at byte 28"},
			{"{\"object\":{}}", "watch event at byte 0 has no type"},
			{"\n{\"type\":\"FOO\",\"object\":{}}", "watch event at byte 1 has unknown type 'FOO'"},
			{"{\"type\":\"ADDED\"}", "watch event at byte 0 (ADDED) has no object"},
			{"{\"type\":\"ADDED\",\"object\":null}", "expected an object for the event object, found 'n' at byte 25"},
			{"{\"type\":5,\"object\":{}}", "expected a string for the event type, found '5' at byte 8"},
			{"{\"type\":\"ADDED\",\"object\":[]}", "expected an object for the event object, found '[' at byte 25"},
			{"{\"type\":\"ADDED\" \"object\":{}}", "expected ',' or '}' in the watch event, found '\"' at byte 16"},
			{"{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"labels\":{\"a\":1}}}}",
				"watch event at byte 0 (ADDED): expected string at metadata.labels.a, found number"},
			{"{\"type\":\"ERROR\",\"object\":{\"code\":\"410\"}}", "watch event at byte 0 (ERROR): expected integer at code, found string"},
			{"{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"a\",}}}",
				"watch event at byte 0 (MODIFIED): malformed JSON: unexpected byte '}' in value"},
			{"{\"type\":\"ADDED\",\"object\":{\"a\":\"\\\"}}", "unexpected end of stream inside a string at byte 35"}
		};
		for (const auto& c: CASES)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.first, c.second, watchError(c.first));
		}
	}

	void testLimitsEventSize()
	{
		std::istringstream in("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"" + std::string(100, 'n') + "\"}}}");
		WatchReader<PodInfo> reader(in, 64);
		WatchEvent<PodInfo> event;
		CPPUNIT_ASSERT_THROW(reader.next(event), MalformedResponseException);
	}

	void testNamesEventTypes()
	{
		const WatchEventType TYPES[] = {WatchEventType::Added, WatchEventType::Modified, WatchEventType::Deleted,
			WatchEventType::Bookmark, WatchEventType::Error};
		for (const WatchEventType type: TYPES)
		{
			WatchEventType parsed = WatchEventType::Added;
			CPPUNIT_ASSERT(parseWatchEventType(watchEventTypeName(type), parsed));
			CPPUNIT_ASSERT(parsed == type);
		}
		WatchEventType parsed = WatchEventType::Error;
		CPPUNIT_ASSERT(!parseWatchEventType("added", parsed));
		CPPUNIT_ASSERT(parsed == WatchEventType::Error);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WatchReaderTest, "Kube");
