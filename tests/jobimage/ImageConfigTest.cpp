//
// ImageConfigTest.cpp
//
// image-config.json: fields, pods per image, credentials, proxies, limits.
//

#include "JobImageTestSupport.h"
#include "sbomop/jobimage/ImageConfig.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop;
using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;

namespace {

Poco::JSON::Array::Ptr parseArray(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Poco::JSON::Array::Ptr>();
}

} // namespace


class ImageConfigTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ImageConfigTest);
	CPPUNIT_TEST(testEntryHasTheFieldsOfTheGoOperatorInOrder);
	CPPUNIT_TEST(testCredentialsArePerImage);
	CPPUNIT_TEST(testCredentialsAreEmptyStringsWithoutCredentials);
	CPPUNIT_TEST(testTokenCredentialsGoToRegistryToken);
	CPPUNIT_TEST(testPodsAreGroupedPerImageAndDeduplicated);
	CPPUNIT_TEST(testProxiedImageKeepsDigestReferenceAndGetsPullImage);
	CPPUNIT_TEST(testDocumentIsAnArrayInBatchOrder);
	CPPUNIT_TEST(testDocumentStopsBeforeTheSizeLimit);
	CPPUNIT_TEST(testEmptyDocumentWhenNothingFits);
	CPPUNIT_TEST(testImageIdsAreReadBack);
	CPPUNIT_TEST(testMalformedDocumentIsRejectedWithoutQuotingIt);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEntryHasTheFieldsOfTheGoOperatorInOrder()
	{
		plugin::ImageTask task = imageTask("docker.io/library/nginx", 'a', {{"shop", "web-1"}});
		task.credentials = registry::RegistryCredentials("docker.io", "bob", "s3cret");
		const std::string json = stringify(ImageConfig::entry(task, "prod-eu"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"registry-host\":\"docker.io\",\"registry-user\":\"bob\",\"registry-password\":\"s3cret\","
			"\"image\":\"docker.io/library/nginx@" + digest('a') + "\","
			"\"pods\":[{\"pod\":\"web-1\",\"namespace\":\"shop\",\"cluster\":\"prod-eu\"}]}"), json);
	}

	void testCredentialsArePerImage()
	{
		plugin::ImageTask a = imageTask("ghcr.io/acme/api", 'a');
		a.credentials = registry::RegistryCredentials("ghcr.io", "acme-bot", "ghp_token");
		plugin::ImageTask b = imageTask("quay.io/acme/worker", 'b');
		b.credentials = registry::RegistryCredentials("quay.io", "robot", "quay-pass");
		const Poco::JSON::Array::Ptr doc = parseArray(ImageConfig::render({&a, &b}, "c").json);
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), doc->getObject(0)->getValue<std::string>("registry-host"));
		CPPUNIT_ASSERT_EQUAL(std::string("acme-bot"), doc->getObject(0)->getValue<std::string>("registry-user"));
		CPPUNIT_ASSERT_EQUAL(std::string("ghp_token"), doc->getObject(0)->getValue<std::string>("registry-password"));
		CPPUNIT_ASSERT_EQUAL(std::string("quay.io"), doc->getObject(1)->getValue<std::string>("registry-host"));
		CPPUNIT_ASSERT_EQUAL(std::string("robot"), doc->getObject(1)->getValue<std::string>("registry-user"));
		CPPUNIT_ASSERT_EQUAL(std::string("quay-pass"), doc->getObject(1)->getValue<std::string>("registry-password"));
	}

	void testCredentialsAreEmptyStringsWithoutCredentials()
	{
		const Poco::JSON::Object::Ptr entry = ImageConfig::entry(imageTask("ghcr.io/acme/tool", 'c'), "c");
		for (const char* field: {"registry-user", "registry-password"})
		{
			CPPUNIT_ASSERT_MESSAGE(field, entry->get(field).isString());
			CPPUNIT_ASSERT_EQUAL(std::string(), entry->getValue<std::string>(field));
		}
		// The registry is named even for anonymous pulls (job-images/SPEC.md).
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), entry->getValue<std::string>("registry-host"));
		CPPUNIT_ASSERT(!entry->has("registry-token"));
		CPPUNIT_ASSERT(!entry->has("pull-image"));
	}

	void testTokenCredentialsGoToRegistryToken()
	{
		plugin::ImageTask task = imageTask("registry.example.com/app", 'd');
		task.credentials = registry::RegistryCredentials("registry.example.com", "", "", "identity-token");
		const Poco::JSON::Object::Ptr entry = ImageConfig::entry(task, "c");
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com"), entry->getValue<std::string>("registry-host"));
		CPPUNIT_ASSERT_EQUAL(std::string("identity-token"), entry->getValue<std::string>("registry-token"));
		CPPUNIT_ASSERT_EQUAL(std::string(), entry->getValue<std::string>("registry-password"));
		CPPUNIT_ASSERT_EQUAL(std::string("registry-host,registry-user,registry-password,registry-token,image,pods"), [&]() {
				std::string names;
				for (const auto& name: entry->getNames()) names += (names.empty() ? "" : ",") + name;
				return names;
			}());
	}

	void testPodsAreGroupedPerImageAndDeduplicated()
	{
		// web-1 runs the image in two containers; web-1 in another namespace is another pod.
		plugin::ImageTask task = imageTask("docker.io/library/nginx", 'e', {{"shop", "web-1"}, {"shop", "web-1"}, {"shop", "web-2"}, {"blog", "web-1"}});
		task.containers[1].containerName = "sidecar";
		const Poco::JSON::Array::Ptr pods = ImageConfig::entry(task, "prod")->getArray("pods");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pods->size());
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"pod\":\"web-1\",\"namespace\":\"shop\",\"cluster\":\"prod\"},"
			"{\"pod\":\"web-2\",\"namespace\":\"shop\",\"cluster\":\"prod\"},"
			"{\"pod\":\"web-1\",\"namespace\":\"blog\",\"cluster\":\"prod\"}]"), [&]() {
				std::ostringstream out;
				pods->stringify(out);
				return out.str();
			}());
	}

	void testProxiedImageKeepsDigestReferenceAndGetsPullImage()
	{
		plugin::ImageTask task = imageTask("docker.io/library/nginx", 'f');
		task.pullReference = "mirror.example.com/library/nginx@" + digest('f');
		task.credentials = registry::RegistryCredentials("mirror.example.com", "mirror-user", "mirror-pass");
		const Poco::JSON::Object::Ptr entry = ImageConfig::entry(task, "c");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx@" + digest('f')), entry->getValue<std::string>("image"));
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com/library/nginx@" + digest('f')), entry->getValue<std::string>("pull-image"));
		// The credentials are those of the registry actually pulled from.
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com"), entry->getValue<std::string>("registry-host"));

		// Without credentials the host is still the proxy's.
		plugin::ImageTask anonymous = imageTask("docker.io/library/nginx", 'f');
		anonymous.pullReference = "mirror.example.com:5000/library/nginx@" + digest('f');
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com:5000"), ImageConfig::entry(anonymous, "c")->getValue<std::string>("registry-host"));
	}

	void testDocumentIsAnArrayInBatchOrder()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/b", '1');
		const plugin::ImageTask b = imageTask("docker.io/library/a", '2');
		const ImageConfig::Document doc = ImageConfig::render({&a, &b}, "c");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), doc.imageCount);
		CPPUNIT_ASSERT_EQUAL(std::string("["), doc.json.substr(0, 1));
		CPPUNIT_ASSERT_EQUAL(std::string("["
			+ stringify(ImageConfig::entry(a, "c")) + "," + stringify(ImageConfig::entry(b, "c")) + "]"), doc.json);
	}

	void testDocumentStopsBeforeTheSizeLimit()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		const plugin::ImageTask b = imageTask("docker.io/library/b", '2');
		const plugin::ImageTask c = imageTask("docker.io/library/c", '3');
		const std::size_t one = stringify(ImageConfig::entry(a, "c")).size();
		const std::size_t two = one + 1 + stringify(ImageConfig::entry(b, "c")).size();
		const ImageConfig::Document doc = ImageConfig::render({&a, &b, &c}, "c", two + 2);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), doc.imageCount);
		CPPUNIT_ASSERT_EQUAL(two + 2, doc.json.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), parseArray(doc.json)->size());
	}

	void testEmptyDocumentWhenNothingFits()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		const ImageConfig::Document doc = ImageConfig::render({&a}, "c", 10);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), doc.imageCount);
		CPPUNIT_ASSERT_EQUAL(std::string("[]"), doc.json);
	}

	void testImageIdsAreReadBack()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		const plugin::ImageTask b = imageTask("ghcr.io/x/b", '2');
		const std::vector<std::string> ids = ImageConfig::imageIds(ImageConfig::render({&a, &b}, "c").json);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), ids.size());
		CPPUNIT_ASSERT_EQUAL(a.imageId, ids[0]);
		CPPUNIT_ASSERT_EQUAL(b.imageId, ids[1]);
	}

	void testMalformedDocumentIsRejectedWithoutQuotingIt()
	{
		CPPUNIT_ASSERT_THROW(ImageConfig::imageIds("{\"image\":\"x\"}"), Poco::DataFormatException);
		CPPUNIT_ASSERT_THROW(ImageConfig::imageIds("[{\"pods\":[]}]"), Poco::DataFormatException);
		CPPUNIT_ASSERT_THROW(ImageConfig::imageIds("[{\"image\":7}]"), Poco::DataFormatException);
		try
		{
			ImageConfig::imageIds("[{\"registry-password\":\"hunter2\"");
			CPPUNIT_FAIL("no exception");
		}
		catch (Poco::DataFormatException& exc)
		{
			CPPUNIT_ASSERT(exc.displayText().find("hunter2") == std::string::npos);
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageConfigTest, "JobImage");
