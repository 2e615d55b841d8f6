//
// LineEncoding.cpp
//

#include "LineEncoding.h"
#include <Poco/DateTimeFormatter.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sbomop {
namespace logging {

namespace {

const char* const REPLACEMENT_CHARACTER = "\xEF\xBF\xBD";

enum class Style
{
	JSON,  // inside a JSON string: quotes and backslashes escaped too
	LINE   // plain-text line: only what would break the line
};

std::size_t validSequenceLength(const std::string& s, std::size_t pos)
	// Length of the well-formed UTF-8 sequence starting at pos (RFC 3629: no
	// overlong forms, no surrogates, nothing above U+10FFFF), or 0.
{
	const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
	const unsigned char lead = byte(pos);
	std::size_t length = 0;
	unsigned char min = 0x80, max = 0xBF;  // allowed range of the second byte
	if (lead < 0x80) return 1;
	else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
	else if (lead >= 0xE0 && lead <= 0xEF)
	{
		length = 3;
		if (lead == 0xE0) min = 0xA0;
		if (lead == 0xED) max = 0x9F;
	}
	else if (lead >= 0xF0 && lead <= 0xF4)
	{
		length = 4;
		if (lead == 0xF0) min = 0x90;
		if (lead == 0xF4) max = 0x8F;
	}
	else return 0;

	if (pos + length > s.size()) return 0;
	if (byte(pos + 1) < min || byte(pos + 1) > max) return 0;
	for (std::size_t i = 2; i < length; ++i)
	{
		if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
	}
	return length;
}


void appendUnicodeEscape(std::string& out, unsigned code)
{
	static const char HEX[] = "0123456789abcdef";
	out += "\\u";
	for (int shift = 12; shift >= 0; shift -= 4) out += HEX[(code >> shift) & 0xF];
}


void appendEscaped(std::string& out, const std::string& value, Style style)
{
	out.reserve(out.size() + value.size());
	std::size_t pos = 0;
	while (pos < value.size())
	{
		const std::size_t length = validSequenceLength(value, pos);
		if (length == 0)
		{
			out += REPLACEMENT_CHARACTER;
			++pos;
			continue;
		}
		if (length > 1)
		{
			// U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
			const bool lineSeparator = length == 3 && value.compare(pos, 2, "\xE2\x80") == 0
				&& (value[pos + 2] == '\xA8' || value[pos + 2] == '\xA9');
			if (lineSeparator && style == Style::JSON)
				appendUnicodeEscape(out, value[pos + 2] == '\xA8' ? 0x2028 : 0x2029);
			else
				out.append(value, pos, length);
			pos += length;
			continue;
		}

		const char c = value[pos++];
		switch (c)
		{
		case '"':
		case '\\':
			if (style == Style::JSON) out += '\\';
			out += c;
			break;
		case '\n': out += "\\n"; break;
		case '\r': out += "\\r"; break;
		case '\t':
			if (style == Style::JSON) out += "\\t"; else out += c;
			break;
		default:
			if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
				appendUnicodeEscape(out, static_cast<unsigned char>(c));
			else
				out += c;
		}
	}
}


bool isPlainValue(const std::string& value)
{
	if (value.empty()) return false;
	for (const char c: value)
	{
		const auto u = static_cast<unsigned char>(c);
		if (u <= 0x20 || u >= 0x7F || c == '"' || c == '\\' || c == '=') return false;
	}
	return true;
}

} // namespace


void LineEncoding::appendTime(std::string& out, const Poco::Timestamp& time)
{
	// A Timestamp is UTC; DateTimeFormatter does not convert to local time.
	Poco::DateTimeFormatter::append(out, time, "%Y-%m-%dT%H:%M:%S.%iZ");
}


void LineEncoding::appendJsonString(std::string& out, const std::string& value)
{
	out += '"';
	appendEscaped(out, value, Style::JSON);
	out += '"';
}


void LineEncoding::appendLineText(std::string& out, const std::string& text)
{
	appendEscaped(out, text, Style::LINE);
}


void LineEncoding::appendLineValue(std::string& out, const std::string& value)
{
	if (isPlainValue(value))
		out += value;
	else
		appendJsonString(out, value);
}


long LineEncoding::currentThreadId()
{
	static thread_local const long id = static_cast<long>(::syscall(SYS_gettid));
	return id;
}


} } // namespace sbomop::logging
