//
// RedactingChannelTest.cpp
//

#include "sbomop/logging/RedactingChannel.h"
#include "sbomop/logging/SecretRedactor.h"
#include "RecordingChannel.h"
#include <Poco/Exception.h>
#include <Poco/Message.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::logging::RecordingChannel;
using sbomop::logging::RedactingChannel;
using sbomop::logging::SecretRedactor;

class RedactingChannelTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RedactingChannelTest);
	CPPUNIT_TEST(testMasksSecretsInTextAndParameters);
	CPPUNIT_TEST(testPassesMessagesWithoutSecretsOnAsTheyAre);
	CPPUNIT_TEST(testUsesTheProcessWideRedactorByDefault);
	CPPUNIT_TEST(testRejectsAMissingNextChannel);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMasksSecretsInTextAndParameters()
	{
		SecretRedactor redactor;
		redactor.add("dt-api-key-0123");
		RecordingChannel::Ptr pRecorder = new RecordingChannel;
		RedactingChannel::Ptr pChannel = new RedactingChannel(pRecorder, redactor);

		Poco::Message msg("sbomop.target.dtrack", "upload with key dt-api-key-0123 failed", Poco::Message::PRIO_ERROR);
		msg.set("header", "X-Api-Key: dt-api-key-0123");
		msg.set("project", "nginx");
		pChannel->log(msg);

		const std::vector<Poco::Message> messages = pRecorder->messages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), messages.size());
		CPPUNIT_ASSERT_EQUAL(std::string("upload with key *** failed"), messages[0].getText());
		CPPUNIT_ASSERT_EQUAL(std::string("X-Api-Key: ***"), messages[0].get("header"));
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), messages[0].get("project"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbomop.target.dtrack"), messages[0].getSource());
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_ERROR), static_cast<int>(messages[0].getPriority()));
		CPPUNIT_ASSERT(msg.getTime() == messages[0].getTime());
	}

	void testPassesMessagesWithoutSecretsOnAsTheyAre()
	{
		SecretRedactor redactor;
		redactor.add("dt-api-key-0123");
		RecordingChannel::Ptr pRecorder = new RecordingChannel;
		RedactingChannel::Ptr pChannel = new RedactingChannel(pRecorder, redactor);

		Poco::Message msg("sbomop.target.dtrack", "upload done", Poco::Message::PRIO_INFORMATION);
		msg.set("project", "nginx");
		pChannel->log(msg);

		CPPUNIT_ASSERT(pRecorder->lastAddress() == &msg);
		CPPUNIT_ASSERT_EQUAL(std::string("upload done"), pRecorder->messages().at(0).getText());
	}

	void testUsesTheProcessWideRedactorByDefault()
	{
		SecretRedactor::instance().add("process-wide-secret");
		RecordingChannel::Ptr pRecorder = new RecordingChannel;
		RedactingChannel::Ptr pChannel = new RedactingChannel(pRecorder);

		pChannel->log(Poco::Message("sbomop.test", "is process-wide-secret masked?", Poco::Message::PRIO_INFORMATION));
		SecretRedactor::instance().remove("process-wide-secret");

		CPPUNIT_ASSERT_EQUAL(std::string("is *** masked?"), pRecorder->messages().at(0).getText());
		CPPUNIT_ASSERT(pChannel->next().get() == pRecorder.get());
	}

	void testRejectsAMissingNextChannel()
	{
		CPPUNIT_ASSERT_THROW(RedactingChannel::Ptr(new RedactingChannel(Poco::Channel::Ptr())), Poco::NullPointerException);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RedactingChannelTest, "Logging");
