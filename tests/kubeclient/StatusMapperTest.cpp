//
// StatusMapperTest.cpp
//

#include "TestFiles.h"
#include "sbomop/kube/StatusMapper.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <typeinfo>

using namespace sbomop::kube;
using sbomop::kube::test::statusJson;

class StatusMapperTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(StatusMapperTest);
	CPPUNIT_TEST(testStatusBodiesMapToTypedExceptions);
	CPPUNIT_TEST(testConflictAndAlreadyExistsAreTellApartByReason);
	CPPUNIT_TEST(testDetailsRetryAfterSecondsIsKept);
	CPPUNIT_TEST(testRetryAfterHeaderWinsOverDetails);
	CPPUNIT_TEST(testPlainText429FallsBackToHttpStatus);
	CPPUNIT_TEST(testHtml502FallsBackToHttpStatusWithTitle);
	CPPUNIT_TEST(testEmptyBodyFallsBackToHttpStatus);
	CPPUNIT_TEST(testJsonThatIsNoStatusFallsBackToHttpStatus);
	CPPUNIT_TEST(testOtherCodesBecomePlainApiException);
	CPPUNIT_TEST(testWatchErrorStatusUsesItsOwnCode);
	CPPUNIT_TEST(testRaiseThrowsTheDynamicType);
	CPPUNIT_TEST(testParsesRetryAfterSeconds);
	CPPUNIT_TEST(testParsesRetryAfterHttpDate);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStatusBodiesMapToTypedExceptions()
	{
		struct Row
		{
			int code;
			const char* reason;
			const std::type_info& type;
		};
		const Row table[] = {
			{400, "BadRequest", typeid(BadRequestException)},
			{401, "Unauthorized", typeid(UnauthorizedException)},
			{403, "Forbidden", typeid(ForbiddenException)},
			{404, "NotFound", typeid(NotFoundException)},
			{410, "Expired", typeid(GoneException)},
			{410, "Gone", typeid(GoneException)},
			{422, "Invalid", typeid(InvalidException)},
			{429, "TooManyRequests", typeid(TooManyRequestsException)},
			{500, "InternalError", typeid(ServerErrorException)},
			{503, "ServiceUnavailable", typeid(ServerErrorException)},
			{504, "Timeout", typeid(ServerErrorException)},
		};
		for (const Row& row: table)
		{
			auto e = StatusMapper::fromResponse(row.code, statusJson(row.code, row.reason, "the message"));
			CPPUNIT_ASSERT_EQUAL(std::string(row.type.name()), std::string(typeid(*e).name()));
			CPPUNIT_ASSERT_EQUAL(row.code, e->httpCode());
			CPPUNIT_ASSERT_EQUAL(std::string(row.reason), e->reason());
			CPPUNIT_ASSERT_EQUAL(std::string("the message"), e->statusMessage());
			CPPUNIT_ASSERT_EQUAL(-1, e->retryAfterSeconds());
		}
	}

	void testConflictAndAlreadyExistsAreTellApartByReason()
	{
		auto exists = StatusMapper::fromResponse(409, statusJson(409, "AlreadyExists", "jobs.batch \\\"j\\\" already exists",
			"{\"name\":\"j\",\"group\":\"batch\",\"kind\":\"jobs\"}"));
		CPPUNIT_ASSERT(dynamic_cast<AlreadyExistsException*>(exists.get()));
		CPPUNIT_ASSERT_EQUAL(std::string("jobs.batch \"j\" already exists"), exists->statusMessage());
		auto conflict = StatusMapper::fromResponse(409, statusJson(409, "Conflict", "the object has been modified"));
		CPPUNIT_ASSERT(dynamic_cast<ConflictException*>(conflict.get()));
		CPPUNIT_ASSERT(!dynamic_cast<AlreadyExistsException*>(conflict.get()));
	}

	void testDetailsRetryAfterSecondsIsKept()
	{
		auto e = StatusMapper::fromResponse(500, statusJson(500, "ServerTimeout", "try later", "{\"retryAfterSeconds\":7}"));
		CPPUNIT_ASSERT(dynamic_cast<ServerErrorException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(7, e->retryAfterSeconds());
		CPPUNIT_ASSERT_EQUAL(std::string("ServerTimeout"), e->reason());
	}

	void testRetryAfterHeaderWinsOverDetails()
	{
		auto e = StatusMapper::fromResponse(429, statusJson(429, "TooManyRequests", "slow down", "{\"retryAfterSeconds\":7}"), 2);
		CPPUNIT_ASSERT_EQUAL(2, e->retryAfterSeconds());
	}

	void testPlainText429FallsBackToHttpStatus()
	{
		auto e = StatusMapper::fromResponse(429, "Too many requests, please try again later.\n", 1);
		CPPUNIT_ASSERT(dynamic_cast<TooManyRequestsException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(429, e->httpCode());
		CPPUNIT_ASSERT_EQUAL(std::string("TooManyRequests"), e->reason());
		CPPUNIT_ASSERT_EQUAL(std::string("Too many requests, please try again later."), e->statusMessage());
		CPPUNIT_ASSERT_EQUAL(1, e->retryAfterSeconds());
	}

	void testHtml502FallsBackToHttpStatusWithTitle()
	{
		const std::string html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center>"
			"<hr><center>nginx</center></body></html>";
		auto e = StatusMapper::fromResponse(502, html);
		CPPUNIT_ASSERT(dynamic_cast<ServerErrorException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(502, e->httpCode());
		CPPUNIT_ASSERT_EQUAL(std::string("InternalError"), e->reason());
		CPPUNIT_ASSERT_EQUAL(std::string("the server responded with HTTP 502 Bad Gateway (502 Bad Gateway)"), e->statusMessage());
	}

	void testEmptyBodyFallsBackToHttpStatus()
	{
		auto e = StatusMapper::fromResponse(503, "");
		CPPUNIT_ASSERT(dynamic_cast<ServerErrorException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(std::string("ServiceUnavailable"), e->reason());
		CPPUNIT_ASSERT_EQUAL(std::string("the server responded with HTTP 503 Service Unavailable"), e->statusMessage());
	}

	void testJsonThatIsNoStatusFallsBackToHttpStatus()
	{
		auto e = StatusMapper::fromResponse(404, "{\"error\":\"no route\"}");
		CPPUNIT_ASSERT(dynamic_cast<NotFoundException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(std::string("NotFound"), e->reason());
		CPPUNIT_ASSERT_EQUAL(std::string("{\"error\":\"no route\"}"), e->statusMessage());
	}

	void testOtherCodesBecomePlainApiException()
	{
		auto e = StatusMapper::fromResponse(415, statusJson(415, "UnsupportedMediaType", "the body of the request was in an unknown format"));
		CPPUNIT_ASSERT_EQUAL(std::string(typeid(ApiException).name()), std::string(typeid(*e).name()));
		CPPUNIT_ASSERT_EQUAL(415, e->httpCode());
		CPPUNIT_ASSERT_EQUAL(std::string("UnsupportedMediaType"), e->reason());
		auto bare = StatusMapper::fromResponse(405, "");
		CPPUNIT_ASSERT_EQUAL(std::string("MethodNotAllowed"), bare->reason());
	}

	void testWatchErrorStatusUsesItsOwnCode()
	{
		Poco::JSON::Parser parser;
		auto object = parser.parse(statusJson(410, "Expired", "too old resource version: 123 (456)")).extract<Poco::JSON::Object::Ptr>();
		auto e = StatusMapper::fromStatus(object, 200);
		CPPUNIT_ASSERT(dynamic_cast<GoneException*>(e.get()));
		CPPUNIT_ASSERT_EQUAL(410, e->httpCode());
		CPPUNIT_ASSERT_EQUAL(std::string("too old resource version: 123 (456)"), e->statusMessage());
	}

	void testRaiseThrowsTheDynamicType()
	{
		CPPUNIT_ASSERT_THROW(StatusMapper::raise(404, statusJson(404, "NotFound", "pods \\\"x\\\" not found")), NotFoundException);
		CPPUNIT_ASSERT_THROW(StatusMapper::raise(409, statusJson(409, "Conflict", "modified")), ConflictException);
		try
		{
			StatusMapper::raise(403, statusJson(403, "Forbidden", "pods is forbidden"));
			CPPUNIT_FAIL("no exception");
		}
		catch (ApiException& e)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("403 Forbidden: pods is forbidden"), e.message());
		}
	}

	void testParsesRetryAfterSeconds()
	{
		CPPUNIT_ASSERT_EQUAL(3, StatusMapper::parseRetryAfter("3"));
		CPPUNIT_ASSERT_EQUAL(0, StatusMapper::parseRetryAfter(" 0 "));
		CPPUNIT_ASSERT_EQUAL(-1, StatusMapper::parseRetryAfter(""));
		CPPUNIT_ASSERT_EQUAL(-1, StatusMapper::parseRetryAfter("soon"));
		CPPUNIT_ASSERT_EQUAL(-1, StatusMapper::parseRetryAfter("-5"));
	}

	void testParsesRetryAfterHttpDate()
	{
		const Poco::Timestamp now(Poco::Timestamp::fromEpochTime(1700000000));
		const Poco::Timestamp later(Poco::Timestamp::fromEpochTime(1700000042));
		const std::string date = Poco::DateTimeFormatter::format(later, Poco::DateTimeFormat::HTTP_FORMAT);
		CPPUNIT_ASSERT_EQUAL(42, StatusMapper::parseRetryAfter(date, now));
		const std::string past = Poco::DateTimeFormatter::format(now, Poco::DateTimeFormat::HTTP_FORMAT);
		CPPUNIT_ASSERT_EQUAL(0, StatusMapper::parseRetryAfter(past, later));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StatusMapperTest, "KubeClient");
