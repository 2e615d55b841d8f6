//
// BrotliCodecTest.cpp
//

#include "sbomop/targets/configmap/BrotliCodec.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::targets::BrotliCodec;

namespace
{
	// A realistic, repetitive SBOM-like JSON document of about `components` * 300 bytes.
	std::string sbomLike(int components)
	{
		std::string document = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[";
		for (int i = 0; i < components; ++i)
		{
			if (i) document += ",";
			document += "{\"type\":\"library\",\"name\":\"package-" + std::to_string(i) + "\",\"version\":\"1." + std::to_string(i % 17)
				+ ".0\",\"purl\":\"pkg:deb/debian/package-" + std::to_string(i) + "@1." + std::to_string(i % 17)
				+ ".0?arch=amd64&distro=debian-12\",\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}";
		}
		return document + "]}";
	}
}


class BrotliCodecTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BrotliCodecTest);
	CPPUNIT_TEST(testRoundTripOfALargeDocument);
	CPPUNIT_TEST(testRoundTripOfEmptyAndBinaryData);
	CPPUNIT_TEST(testRejectsCorruptAndTruncatedStreams);
	CPPUNIT_TEST(testRefusesOutputBeyondTheLimit);
	CPPUNIT_TEST(testRejectsAnInvalidQuality);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRoundTripOfALargeDocument()
	{
		const std::string document = sbomLike(20000);
		CPPUNIT_ASSERT(document.size() > 3 * 1024 * 1024);
		const std::string compressed = BrotliCodec::compress(document);
		CPPUNIT_ASSERT(compressed.size() * 10 < document.size());
		CPPUNIT_ASSERT(BrotliCodec::decompress(compressed) == document);
	}

	void testRoundTripOfEmptyAndBinaryData()
	{
		CPPUNIT_ASSERT_EQUAL(std::string(), BrotliCodec::decompress(BrotliCodec::compress("")));
		std::string binary;
		for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 7919) % 256);
		CPPUNIT_ASSERT(BrotliCodec::decompress(BrotliCodec::compress(binary, 0)) == binary);
		CPPUNIT_ASSERT(BrotliCodec::decompress(BrotliCodec::compress(binary, 11)) == binary);
	}

	void testRejectsCorruptAndTruncatedStreams()
	{
		const std::string compressed = BrotliCodec::compress(sbomLike(200));
		CPPUNIT_ASSERT_THROW(BrotliCodec::decompress(compressed.substr(0, compressed.size() / 2)), Poco::DataFormatException);
		CPPUNIT_ASSERT_THROW(BrotliCodec::decompress(compressed + "x"), Poco::DataFormatException);
		CPPUNIT_ASSERT_THROW(BrotliCodec::decompress("{\"not\":\"brotli\"}"), Poco::DataFormatException);
	}

	void testRefusesOutputBeyondTheLimit()
	{
		const std::string compressed = BrotliCodec::compress(std::string(200000, 'a'));
		CPPUNIT_ASSERT_THROW(BrotliCodec::decompress(compressed, 100000), Poco::RangeException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(200000), BrotliCodec::decompress(compressed, 200000).size());
	}

	void testRejectsAnInvalidQuality()
	{
		CPPUNIT_ASSERT_THROW(BrotliCodec::compress("x", 12), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(BrotliCodec::compress("x", -1), Poco::InvalidArgumentException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BrotliCodecTest, "ConfigMapTarget");
