//
// ApiJsonBadInputTest.cpp
//
// Malformed API responses for the streaming pod parser (list and watch):
// truncated bodies, wrong field types, foreign content, huge values and
// unknown fields. Each malformed body fails with MalformedResponseException
// and an exact message naming the byte offset (and item); pods before the
// fault stay delivered.
//

#include "BadInputTable.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ListReader.h"
#include "sbomop/kube/PodBuilder.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/kube/WatchReader.h"
#include <sstream>
#include <vector>

using sbomop::kube::JsonStreamScanner;
using sbomop::kube::ListMeta;
using sbomop::kube::ListReader;
using sbomop::kube::MalformedResponseException;
using sbomop::kube::PodBuilder;
using sbomop::kube::PodInfo;
using sbomop::kube::WatchEvent;
using sbomop::kube::WatchReader;
using sbomop::kube::watchEventTypeName;
using sbomop::testing::rejectionOf;

namespace {

std::string pod(const std::string& name, const std::string& metadataExtra = "")
{
	return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"ns\"" + metadataExtra +
		"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]},\"status\":{\"phase\":\"Running\"}}";
}


std::string podList(const std::string& items)
{
	return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[" + items + "]}";
}


std::string event(const std::string& type, const std::string& object)
{
	return "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
}


struct Outcome
	/// What a reader made of a body: the pods (or events) delivered, in
	/// order, comma-separated, and the error message ("" when none).
{
	std::string delivered;
	std::string error;
};


Outcome readList(const std::string& body, std::size_t limit = JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES)
{
	Outcome outcome;
	std::istringstream in(body);
	PodBuilder builder;
	ListReader reader(builder, limit);
	outcome.error = rejectionOf<MalformedResponseException>([&] {
		reader.read(in, [&] { outcome.delivered += builder.take().name + ","; });
	});
	if (outcome.error == "<accepted>") outcome.error.clear();
	return outcome;
}


Outcome readWatch(const std::string& body)
{
	Outcome outcome;
	std::istringstream in(body);
	WatchReader<PodInfo> reader(in);
	WatchEvent<PodInfo> next;
	outcome.error = rejectionOf<MalformedResponseException>([&] {
		while (reader.next(next)) outcome.delivered += std::string(watchEventTypeName(next.type)) + ":" + next.object.name + ",";
	});
	if (outcome.error == "<accepted>") outcome.error.clear();
	return outcome;
}


struct StreamRow
{
	const char* what;
	std::string body;
	std::string delivered;
	std::string error;
};


void checkStreamRows(const std::vector<StreamRow>& rows, Outcome (*read)(const std::string&))
{
	for (const StreamRow& row: rows)
	{
		const Outcome outcome = read(row.body);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.error, outcome.error);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.delivered, outcome.delivered);
	}
}


Outcome readListDefault(const std::string& body)
{
	return readList(body);
}

} // namespace


class ApiJsonBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ApiJsonBadInputTest);
	CPPUNIT_TEST(testMalformedListsFailWithOffsetAndKeepEarlierPods);
	CPPUNIT_TEST(testMalformedWatchEventsFailWithOffsetAndKeepEarlierEvents);
	CPPUNIT_TEST(testHugeAnnotationIsKeptWhole);
	CPPUNIT_TEST(testItemOverTheLimitFailsWithoutLosingEarlierPods);
	CPPUNIT_TEST(testUnknownFieldsAreIgnored);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMalformedListsFailWithOffsetAndKeepEarlierPods()
	{
		const std::string twoPods = podList(pod("a") + "," + pod("b"));
		const std::vector<StreamRow> rows = {
			{"truncated inside the last pod", twoPods.substr(0, twoPods.size() - 40), "a,",
				"unexpected end of stream inside a string at byte 291"},
			{"truncated before the closing brace", twoPods.substr(0, twoPods.size() - 1), "a,b,",
				"expected ',' or '}' in the list object, found end of stream at byte 330"},
			{"empty body", "", "", "expected a list object, found end of stream at byte 0"},
			{"binary body", "\x89PNG\r\n", "", "expected a list object, found byte 0x89 at byte 0"},
			{"HTML error page", "<html>502 Bad Gateway</html>", "", "expected a list object, found '<' at byte 0"},
			{"labels as an array", podList(pod("a") + "," + pod("b", ",\"labels\":[\"x\"]") + "," + pod("c")), "a,",
				"items[1] (object at byte 205): expected object of strings at metadata.labels, found array"},
			{"name as a number", podList(pod("a") + ",{\"metadata\":{\"name\":42}}," + pod("c")), "a,",
				"items[1] (object at byte 205): expected string at metadata.name, found number"},
			{"containers as an object", podList(pod("a") + ",{\"metadata\":{\"name\":\"b\"},\"spec\":{\"containers\":{\"name\":\"x\"}}}," + pod("c")), "a,",
				"items[1] (object at byte 205): expected array at spec.containers, found object"},
			{"image as a number", podList("{\"metadata\":{\"name\":\"b\"},\"spec\":{\"containers\":[{\"name\":\"x\",\"image\":7}]}}"), "",
				"items[0] (object at byte 80): expected string at spec.containers[0].image, found number"},
			{"phase as a boolean", podList("{\"metadata\":{\"name\":\"b\"},\"status\":{\"phase\":true}}"), "",
				"items[0] (object at byte 80): expected string at status.phase, found boolean"},
			{"items as an object", "{\"kind\":\"PodList\",\"items\":{}}", "", "expected an array for items, found '{' at byte 26"},
			{"item as a string", podList("\"pod\""), "", "expected an object for items[0], found '\"' at byte 80"},
			{"resourceVersion as a number", "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":7},\"items\":[]}", "",
				"list metadata (object at byte 0): expected string at metadata.resourceVersion, found number"},
			{"trailing comma in an item", podList(pod("a") + ",{\"metadata\":{\"name\":\"b\",}}," + pod("c")), "a,",
				"items[1] (object at byte 205): malformed JSON: unexpected byte '}' in value"},
			{"invalid escape", podList("{\"metadata\":{\"name\":\"a\\q\"}}"), "",
				"items[0] (object at byte 80): malformed JSON: invalid escaped byte 'q'"},
			{"raw NUL in a string", podList(std::string("{\"metadata\":{\"name\":\"a\0b\"}}", 27)), "",
				"items[0] (object at byte 80): malformed JSON: unescaped control character in string"},
			{"nesting deeper than 512", podList("{\"metadata\":{\"name\":\"a\"},\"x\":" + std::string(600, '[') + std::string(600, ']') + "}"), "",
				"JSON nested deeper than 512 levels at byte 621"},
		};
		checkStreamRows(rows, readListDefault);
	}

	void testMalformedWatchEventsFailWithOffsetAndKeepEarlierEvents()
	{
		const std::string added = event("ADDED", pod("a"));
		const std::vector<StreamRow> rows = {
			{"unknown type", "{\"type\":\"EXPLODED\",\"object\":{}}", "", "watch event at byte 0 has unknown type 'EXPLODED'"},
			{"no type", "{\"object\":" + pod("a") + "}", "", "watch event at byte 0 has no type"},
			{"no object", "{\"type\":\"ADDED\"}", "", "watch event at byte 0 (ADDED) has no object"},
			{"type as a number", "{\"type\":1,\"object\":{}}", "", "expected a string for the event type, found '1' at byte 8"},
			{"object as an array", "{\"type\":\"ADDED\",\"object\":[]}", "", "expected an object for the event object, found '[' at byte 25"},
			{"event as an array", "[]", "", "expected a watch event object, found '[' at byte 0"},
			{"truncated second event", added + added.substr(0, 50), "ADDED:a,", "unexpected end of stream inside a string at byte 201"},
			{"labels as a string", added + "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"labels\":\"x\"}}}\n" + added, "ADDED:a,",
				"watch event at byte 151 (MODIFIED): expected object of strings at metadata.labels, found string"},
			{"Status code as a string", "{\"type\":\"ERROR\",\"object\":{\"code\":\"410\"}}", "",
				"watch event at byte 0 (ERROR): expected integer at code, found string"},
		};
		checkStreamRows(rows, readWatch);
	}

	void testHugeAnnotationIsKeptWhole()
	{
		// 2 MiB in one annotation (over 1 MiB, below the 32 MiB item limit).
		const std::string big(2 * 1024 * 1024, 'x');
		const std::string body = podList(pod("a", ",\"annotations\":{\"big\":\"" + big + "\"}") + "," + pod("b"));
		std::istringstream in(body);
		std::vector<PodInfo> pods;
		const ListMeta meta = sbomop::kube::readList<PodInfo>(in, [&](PodInfo pod) { pods.push_back(std::move(pod)); });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), meta.itemCount);
		CPPUNIT_ASSERT_EQUAL(std::string("7"), meta.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(big.size(), pods[0].annotations.at("big").size());
		CPPUNIT_ASSERT(pods[0].annotations.at("big") == big);
		CPPUNIT_ASSERT_EQUAL(std::string("b"), pods[1].name);
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), pods[1].specImage("c"));
	}

	void testItemOverTheLimitFailsWithoutLosingEarlierPods()
	{
		const std::string body = podList(pod("a") + "," + pod("b", ",\"annotations\":{\"big\":\"" + std::string(2000, 'x') + "\"}") + "," + pod("c"));
		const Outcome outcome = readList(body, 1024);
		CPPUNIT_ASSERT_EQUAL(std::string("a,"), outcome.delivered);
		CPPUNIT_ASSERT_EQUAL(std::string("JSON value larger than 1024 bytes at byte 1230"), outcome.error);
	}

	void testUnknownFieldsAreIgnored()
	{
		const Outcome list = readList(podList(
			"{\"zzz\":{\"a\":[1,2,{\"b\":null}]},\"metadata\":{\"name\":\"a\",\"future\":{\"x\":1}},\"spec\":{\"newThing\":[true]}}"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), list.error);
		CPPUNIT_ASSERT_EQUAL(std::string("a,"), list.delivered);
		const Outcome watch = readWatch("{\"type\":\"ADDED\",\"extra\":[1],\"object\":" + pod("a") + "}");
		CPPUNIT_ASSERT_EQUAL(std::string(""), watch.error);
		CPPUNIT_ASSERT_EQUAL(std::string("ADDED:a,"), watch.delivered);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ApiJsonBadInputTest, "BadInput");
