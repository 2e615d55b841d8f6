//
// StreamTestSupport.h
//
// Test doubles for streaming parsers: a stream buffer that hands out its
// data in pieces of a chosen size (1 = one byte per read), counts what it
// handed out and refuses to go past a limit, as a live HTTP response that has
// not received more bytes yet would block; and fixture loading.
//

#ifndef SBOMOP_Tests_Kube_StreamTestSupport_INCLUDED
#define SBOMOP_Tests_Kube_StreamTestSupport_INCLUDED

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

namespace sbomop {
namespace tests {

class WouldBlockError: public std::runtime_error
	/// Thrown by PieceStreamBuf when asked for bytes beyond its limit.
{
public:
	WouldBlockError(): std::runtime_error("read past the bytes available so far")
	{
	}
};


class PieceStreamBuf: public std::streambuf
	/// Serves `data` split at the given offsets (or in pieces of `pieceSize`).
{
public:
	PieceStreamBuf(const std::string& data, std::size_t pieceSize):
		_data(data),
		_limit(data.size())
	{
		for (std::size_t at = pieceSize; at < data.size(); at += pieceSize) _cuts.push_back(at);
	}

	PieceStreamBuf(const std::string& data, const std::vector<std::size_t>& cuts):
		_data(data),
		_cuts(cuts),
		_limit(data.size())
	{
	}

	void setLimit(std::size_t limit)
		/// Bytes that may be handed out in total; more throws WouldBlockError.
	{
		_limit = std::min(limit, _data.size());
	}

	std::size_t served() const
		/// Bytes handed out so far (in the get area or already consumed).
	{
		return _served;
	}

	std::size_t consumed() const
	{
		return _served - static_cast<std::size_t>(egptr() - gptr());
	}

protected:
	int_type underflow() override
	{
		if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
		if (_served >= _data.size()) return traits_type::eof();
		if (_served >= _limit) throw WouldBlockError();
		std::size_t end = _data.size();
		for (const std::size_t cut: _cuts)
		{
			if (cut > _served)
			{
				end = std::min(end, cut);
				break;
			}
		}
		end = std::min(end, _limit);
		char* begin = const_cast<char*>(_data.data()) + _served;
		setg(begin, begin, begin + (end - _served));
		_served = end;
		return traits_type::to_int_type(*gptr());
	}

private:
	std::string _data;
	std::vector<std::size_t> _cuts;
	std::size_t _limit;
	std::size_t _served = 0;
};


inline std::string fixture(const std::string& name)
	/// The content of tests/fixtures/kube/<name>.
{
	Poco::FileInputStream in(std::string(SBOMOP_SOURCE_DIR) + "/tests/fixtures/kube/" + name);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}

} } // namespace sbomop::tests

#endif // SBOMOP_Tests_Kube_StreamTestSupport_INCLUDED
