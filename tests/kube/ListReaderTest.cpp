//
// ListReaderTest.cpp
//
// List responses: metadata and continue tokens, items delivered one by one
// while the stream is still being read, malformed and truncated bodies, and a
// 10,000-pod list produced lazily to show memory is bounded by one item.
//

#include "StreamTestSupport.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ListReader.h"
#include "sbomop/kube/NamespaceBuilder.h"
#include "sbomop/kube/PodBuilder.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::kube;
using sbomop::tests::PieceStreamBuf;
using sbomop::tests::fixture;

namespace {

PodInfo parsePod(const std::string& json)
{
	PodBuilder builder;
	SchemaHandler::parse(json, builder.schema(), builder, "pod");
	return builder.take();
}

ListMeta readPods(const std::string& body, std::vector<PodInfo>& pods, std::size_t pieceSize = 4096)
{
	PieceStreamBuf buffer(body, pieceSize);
	std::istream in(&buffer);
	return readList<PodInfo>(in, [&](PodInfo pod) { pods.push_back(std::move(pod)); });
}

std::string listError(const std::string& body)
{
	std::vector<PodInfo> pods;
	try
	{
		readPods(body, pods);
	}
	catch (const MalformedResponseException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

class GeneratedPodList: public std::streambuf
	// Produces a PodList of `count` pods on demand, one item per read, each
	// with large fields the parser must skip. Remembers where each item ends.
{
public:
	explicit GeneratedPodList(std::size_t count): _count(count)
	{
		_piece = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"777\"},\"items\":[";
		_produced = _piece.size();
		setg(&_piece[0], &_piece[0], &_piece[0] + _piece.size());
	}

	std::size_t produced() const { return _produced; }
	const std::vector<std::size_t>& itemEnds() const { return _itemEnds; }

protected:
	int_type underflow() override
	{
		if (_next > _count) return traits_type::eof();
		if (_next == _count)
		{
			_piece = "]}";
		}
		else
		{
			_piece = (_next > 0 ? "," : "") + pod(_next);
			_itemEnds.push_back(_produced + _piece.size());
		}
		++_next;
		_produced += _piece.size();
		setg(&_piece[0], &_piece[0], &_piece[0] + _piece.size());
		return traits_type::to_int_type(_piece[0]);
	}

private:
	static std::string pod(std::size_t i)
	{
		const std::string n = std::to_string(i);
		std::string managed = "[";
		for (int f = 0; f < 20; ++f)
			managed += std::string(f ? "," : "") + "{\"manager\":\"m" + std::to_string(f) + "\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}}";
		managed += "]";
		return "{\"metadata\":{\"name\":\"pod-" + n + "\",\"namespace\":\"ns-" + std::to_string(i % 50) +
			"\",\"uid\":\"uid-" + n + "\",\"resourceVersion\":\"" + n + "\",\"labels\":{\"app\":\"a" + n +
			"\"},\"managedFields\":" + managed + "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"img:" + n +
			"\",\"env\":[{\"name\":\"PAD\",\"value\":\"" + std::string(1500, 'p') + "\"}]}],\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]},"
			"\"status\":{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"c\",\"image\":\"img:" + n +
			"\",\"imageID\":\"img@sha256:" + std::string(64, 'a') + "\"}]}}";
	}

	std::size_t _count;
	std::size_t _next = 0;
	std::size_t _produced = 0;
	std::string _piece;
	std::vector<std::size_t> _itemEnds;
};

class FailingStreamBuf: public std::streambuf
	// Delivers a prefix, then fails the way a network stream does.
{
public:
	explicit FailingStreamBuf(const std::string& prefix): _data(prefix)
	{
		setg(&_data[0], &_data[0], &_data[0] + _data.size());
	}

protected:
	int_type underflow() override
	{
		throw Poco::TimeoutException("read timed out");
	}

private:
	std::string _data;
};

} // namespace


class ListReaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ListReaderTest);
	CPPUNIT_TEST(testReadsListMetadataAndContinueToken);
	CPPUNIT_TEST(testItemsEqualTheSameObjectsParsedAlone);
	CPPUNIT_TEST(testReadsNamespaceList);
	CPPUNIT_TEST(testReadsEmptyAndNullItems);
	CPPUNIT_TEST(testSkipsUnknownTopLevelFieldsInAnyOrder);
	CPPUNIT_TEST(testSameResultWhenFedOneByteAtATime);
	CPPUNIT_TEST(testDeliversEachItemBeforeReadingTheNext);
	CPPUNIT_TEST(testStreamsLargeListWithBoundedMemory);
	CPPUNIT_TEST(testRejectsMalformedBodiesWithClearMessages);
	CPPUNIT_TEST(testRejectsEveryTruncation);
	CPPUNIT_TEST(testSurvivesCorruptedBodies);
	CPPUNIT_TEST(testPassesStreamErrorsThrough);
	CPPUNIT_TEST(testPassesCallbackErrorsThrough);
	CPPUNIT_TEST(testLimitsItemSize);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReadsListMetadataAndContinueToken()
	{
		std::vector<PodInfo> pods;
		const ListMeta meta = readPods(fixture("podlist-page1.json"), pods);
		CPPUNIT_ASSERT_EQUAL(std::string("PodList"), meta.kind);
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), meta.apiVersion);
		CPPUNIT_ASSERT_EQUAL(std::string("184470"), meta.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::string("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTg0NDcwLCJzdGFydCI6ImpvYnMvYmF0Y2gtOWY4ZTdcdTAwMDAifQ"), meta.continueToken);
		CPPUNIT_ASSERT_EQUAL(1207LL, meta.remainingItemCount);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), meta.itemCount);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pods.size());
	}

	void testItemsEqualTheSameObjectsParsedAlone()
	{
		std::vector<PodInfo> pods;
		readPods(fixture("podlist-page1.json"), pods);
		CPPUNIT_ASSERT(pods.at(0) == parsePod(fixture("pod-docker-running.json")));
		CPPUNIT_ASSERT(pods.at(1) == parsePod(fixture("pod-containerd-ephemeral.json")));
		CPPUNIT_ASSERT(pods.at(2) == parsePod(fixture("pod-pending.json")));
	}

	void testReadsNamespaceList()
	{
		std::istringstream in(fixture("namespacelist.json"));
		std::vector<NamespaceInfo> namespaces;
		const ListMeta meta = readList<NamespaceInfo>(in, [&](NamespaceInfo ns) { namespaces.push_back(ns); });
		CPPUNIT_ASSERT_EQUAL(std::string("NamespaceList"), meta.kind);
		CPPUNIT_ASSERT_EQUAL(std::string("184471"), meta.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::string(), meta.continueToken);
		CPPUNIT_ASSERT_EQUAL(-1LL, meta.remainingItemCount);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), namespaces.size());
		CPPUNIT_ASSERT_EQUAL(std::string("default"), namespaces[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("192"), namespaces[0].resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::string("e2b1f6a0-0000-4000-8000-00000000000b"), namespaces[1].uid);
		const std::map<std::string, std::string> labels = {{"kubernetes.io/metadata.name", "shop"}, {"sbom", "enabled"}};
		CPPUNIT_ASSERT(namespaces[1].labels == labels);
		CPPUNIT_ASSERT(namespaces[2].labels.empty());
	}

	void testReadsEmptyAndNullItems()
	{
		std::vector<PodInfo> pods;
		const ListMeta empty = readPods("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}", pods);
		CPPUNIT_ASSERT_EQUAL(std::string("7"), empty.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), empty.itemCount);
		const ListMeta null = readPods(" { \"items\" : null , \"metadata\" : { } } ", pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), null.itemCount);
		CPPUNIT_ASSERT_EQUAL(std::string(), null.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), readPods("{}", pods).itemCount);
		CPPUNIT_ASSERT(pods.empty());
	}

	void testSkipsUnknownTopLevelFieldsInAnyOrder()
	{
		std::vector<PodInfo> pods;
		const ListMeta meta = readPods(
			"{\"apiVersion\":\"v1\",\"foo\":{\"bar\":[1,2.5e3,{\"x\":\"]}\\\"\"}],\"n\":null},\"items\":[{\"metadata\":{\"name\":\"a\"}}],"
			"\"flag\":true,\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"9\",\"selfLink\":\"/x\"},\"zzz\":-1}", pods);
		CPPUNIT_ASSERT_EQUAL(std::string("PodList"), meta.kind);
		CPPUNIT_ASSERT_EQUAL(std::string("9"), meta.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), pods.size());
		CPPUNIT_ASSERT_EQUAL(std::string("a"), pods[0].name);
	}

	void testSameResultWhenFedOneByteAtATime()
	{
		std::vector<PodInfo> whole;
		std::vector<PodInfo> bytewise;
		const ListMeta a = readPods(fixture("podlist-page1.json"), whole, 1 << 20);
		const ListMeta b = readPods(fixture("podlist-page1.json"), bytewise, 1);
		CPPUNIT_ASSERT(whole == bytewise);
		CPPUNIT_ASSERT_EQUAL(a.continueToken, b.continueToken);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), bytewise.size());
	}

	void testDeliversEachItemBeforeReadingTheNext()
	{
		const std::string body = fixture("podlist-page1.json");
		PieceStreamBuf buffer(body, 1);
		std::istream in(&buffer);
		std::vector<std::size_t> consumedAtItem;
		std::vector<std::string> names;
		readList<PodInfo>(in, [&](PodInfo pod) {
			consumedAtItem.push_back(buffer.served());
			names.push_back(pod.name);
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), consumedAtItem.size());
		// Each item arrives right after its own closing brace, before the next item starts.
		const std::size_t secondItem = body.find("{\"metadata\":{\"name\":\"api-0\"");
		const std::size_t thirdItem = body.find("{\"metadata\":{\"name\":\"batch-9f8e7\"");
		CPPUNIT_ASSERT_EQUAL(secondItem - 1, consumedAtItem[0]);
		CPPUNIT_ASSERT_EQUAL(thirdItem - 1, consumedAtItem[1]);
		CPPUNIT_ASSERT(consumedAtItem[2] < body.size());
		CPPUNIT_ASSERT((names == std::vector<std::string>{"web-7d4b9c8f6d-x2x9k", "api-0", "batch-9f8e7"}));
	}

	void testStreamsLargeListWithBoundedMemory()
	{
		const std::size_t COUNT = 10000;
		GeneratedPodList source(COUNT);
		std::istream in(&source);
		std::size_t delivered = 0;
		std::size_t notStreamed = 0;
		std::string lastImage;
		const ListMeta meta = readList<PodInfo>(in, [&](PodInfo pod) {
			// Nothing beyond this item has been produced yet: the reader holds one item at most.
			if (source.produced() != source.itemEnds().at(delivered)) ++notStreamed;
			if (pod.name != "pod-" + std::to_string(delivered)) ++notStreamed;
			lastImage = pod.specImage("c");
			++delivered;
		});
		CPPUNIT_ASSERT_EQUAL(COUNT, delivered);
		CPPUNIT_ASSERT_EQUAL(COUNT, meta.itemCount);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), notStreamed);
		CPPUNIT_ASSERT_EQUAL(std::string("777"), meta.resourceVersion);
		CPPUNIT_ASSERT_EQUAL(std::string("img:9999"), lastImage);
		CPPUNIT_ASSERT(source.produced() > COUNT * 3000);
	}

	void testRejectsMalformedBodiesWithClearMessages()
	{
		const std::pair<std::string, std::string> CASES[] = {
			{"", "expected a list object, found end of stream at byte 0"},
			{"[]", "expected a list object, found '[' at byte 0"},
			{"{\"items\":{}}", "expected an array for items, found '{' at byte 9"},
			{"{\"items\":nul}", "expected an array for items, found 'nul' at byte 12"},
			{"{\"items\":[1]}", "expected an object for items[0], found '1' at byte 10"},
			{"{\"items\":[{}{}]}", "expected ',' or ']' after items[0], found '{' at byte 12"},
			{"{\"kind\":\"PodList\" \"items\":[]}", "expected ',' or '}' in the list object, found '\"' at byte 18"},
			{"{items:[]}", "expected a string for a key of the list object, found 'i' at byte 1"},
			{"{\"items\":[{\"metadata\":{\"labels\":5}}]}", "items[0] (object at byte 10): expected object of strings at metadata.labels, found number"},
			{"{\"items\":[{},{\"status\":{\"containerStatuses\":[{\"imageID\":true}]}}]}",
				"items[1] (object at byte 13): expected string at status.containerStatuses[0].imageID, found boolean"},
			{"{\"metadata\":{\"remainingItemCount\":\"5\"}}", "list metadata (object at byte 0): expected integer at metadata.remainingItemCount, found string"},
			{"{\"items\":[{\"a\":1,}]}", "items[0] (object at byte 10): malformed JSON: unexpected byte '}' in value"},
			{"{\"items\":[{\"a\":1]]}", "unexpected ']' at byte 17"},
			{"{\"items\":[{\"a\":\"}]}", "unexpected end of stream inside a string at byte 19"},
			{"{\"items\":[{\"a\":[", "unexpected end of stream inside an object or array at byte 16"},
			{"{\"kind\":\"PodList\"", "expected ',' or '}' in the list object, found end of stream at byte 17"},
			{"{\"items\":[{\"a\":" + std::string(600, '[') + "]}", "JSON nested deeper than 512 levels at byte 527"}
		};
		for (const auto& c: CASES)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.first.substr(0, 60), c.second, listError(c.first));
		}
	}

	void testRejectsEveryTruncation()
	{
		std::string body = fixture("podlist-page1.json");
		body.erase(body.find_last_not_of("\n") + 1);
		std::size_t rejected = 0;
		for (std::size_t length = 0; length < body.size(); ++length)
		{
			if (listError(body.substr(0, length)) != "<parsed>") ++rejected;
		}
		CPPUNIT_ASSERT_EQUAL(body.size(), rejected);
		CPPUNIT_ASSERT_EQUAL(std::string("<parsed>"), listError(body));
	}

	void testSurvivesCorruptedBodies()
	{
		// Deterministic corruption: every outcome must be a result or a MalformedResponseException.
		const std::string body = fixture("podlist-page1.json");
		const char REPLACEMENTS[] = {'{', '}', '[', ']', '"', '\\', ',', ':', '0', 'x', ' ', '\0', '\xff'};
		unsigned state = 12345;
		std::size_t parsed = 0;
		std::size_t rejected = 0;
		for (int round = 0; round < 3000; ++round)
		{
			std::string corrupt = body;
			for (int k = 0; k < 1 + round % 3; ++k)
			{
				state = state * 1103515245u + 12345u;
				const std::size_t at = (state >> 8) % corrupt.size();
				corrupt[at] = REPLACEMENTS[(state >> 4) % sizeof(REPLACEMENTS)];
			}
			if (listError(corrupt) == "<parsed>") ++parsed; else ++rejected;
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(3000), parsed + rejected);
		CPPUNIT_ASSERT(rejected > 0);
	}

	void testPassesStreamErrorsThrough()
	{
		FailingStreamBuf buffer("{\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"name\":\"a\"}},");
		std::istream in(&buffer);
		std::size_t delivered = 0;
		CPPUNIT_ASSERT_THROW(readList<PodInfo>(in, [&](PodInfo) { ++delivered; }), Poco::TimeoutException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), delivered);
	}

	void testPassesCallbackErrorsThrough()
	{
		std::istringstream in(fixture("podlist-page1.json"));
		CPPUNIT_ASSERT_THROW(readList<PodInfo>(in, [](PodInfo) { throw std::out_of_range("stop"); }), std::out_of_range);
	}

	void testLimitsItemSize()
	{
		PodBuilder builder;
		ListReader reader(builder, 100);
		std::istringstream in("{\"items\":[{\"metadata\":{\"name\":\"" + std::string(200, 'a') + "\"}}]}");
		try
		{
			reader.read(in, []() {});
			CPPUNIT_FAIL("oversized item accepted");
		}
		catch (const MalformedResponseException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("JSON value larger than 100 bytes at byte 111"), exc.message());
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ListReaderTest, "Kube");
