//
// Escaping.cpp
//
// Part of the Syft test double.
//

#include "Escaping.h"
#include <cstdio>

namespace sbomop {
namespace syftdouble {

std::string Escaping::json(const std::string& text)
{
	std::string out = "\"";
	for (char c: text)
	{
		switch (c)
		{
		case '"': out += "\\\""; break;
		case '\\': out += "\\\\"; break;
		case '\n': out += "\\n"; break;
		case '\r': out += "\\r"; break;
		case '\t': out += "\\t"; break;
		default:
			if (static_cast<unsigned char>(c) < 0x20)
			{
				char buffer[8];
				std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
				out += buffer;
			}
			else
			{
				out += c;
			}
		}
	}
	return out + "\"";
}


std::string Escaping::xml(const std::string& text)
{
	std::string out;
	for (char c: text)
	{
		switch (c)
		{
		case '&': out += "&amp;"; break;
		case '<': out += "&lt;"; break;
		case '>': out += "&gt;"; break;
		case '"': out += "&quot;"; break;
		case '\'': out += "&apos;"; break;
		default: out += c;
		}
	}
	return out;
}


} } // namespace sbomop::syftdouble
