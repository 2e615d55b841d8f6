//
// Base64.cpp
//

#include "kubesim/Base64.h"

namespace sbomop {
namespace kubesim {

namespace
{
	const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	int valueOf(char c)
	{
		if (c >= 'A' && c <= 'Z') return c - 'A';
		if (c >= 'a' && c <= 'z') return c - 'a' + 26;
		if (c >= '0' && c <= '9') return c - '0' + 52;
		if (c == '+') return 62;
		if (c == '/') return 63;
		return -1;
	}
}

std::string Base64::encode(const std::string& data)
{
	std::string out;
	out.reserve((data.size() + 2) / 3 * 4);
	std::size_t i = 0;
	for (; i + 2 < data.size(); i += 3)
	{
		unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) | static_cast<unsigned char>(data[i + 2]);
		out += ALPHABET[(n >> 18) & 63];
		out += ALPHABET[(n >> 12) & 63];
		out += ALPHABET[(n >> 6) & 63];
		out += ALPHABET[n & 63];
	}
	if (i < data.size())
	{
		unsigned n = static_cast<unsigned char>(data[i]) << 16;
		if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
		out += ALPHABET[(n >> 18) & 63];
		out += ALPHABET[(n >> 12) & 63];
		out += i + 1 < data.size() ? ALPHABET[(n >> 6) & 63] : '=';
		out += '=';
	}
	return out;
}

bool Base64::decode(const std::string& text, std::string& data, std::string& error)
{
	data.clear();
	unsigned buffer = 0;
	int bits = 0;
	std::size_t padding = 0;
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		char c = text[i];
		if (c == '\r' || c == '\n') continue;
		if (c == '=')
		{
			// Padding is only valid at the end, completing a 4-character group.
			++padding;
			if (padding > 2 || bits == 0 || bits == 6)
			{
				error = "illegal base64 data at input byte " + std::to_string(i);
				return false;
			}
			continue;
		}
		int value = valueOf(c);
		if (value < 0 || padding > 0)
		{
			error = "illegal base64 data at input byte " + std::to_string(i);
			return false;
		}
		buffer = (buffer << 6) | static_cast<unsigned>(value);
		bits += 6;
		if (bits >= 8)
		{
			bits -= 8;
			data += static_cast<char>((buffer >> bits) & 0xFF);
		}
	}
	const std::size_t groups = text.size() % 4;
	if (groups != 0)
	{
		error = "illegal base64 data at input byte " + std::to_string(text.size() - groups);
		return false;
	}
	return true;
}

} } // namespace sbomop::kubesim
