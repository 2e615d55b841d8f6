//
// LabelSelectorParser.cpp
//
// A faithful port of the label selector lexer and recursive-descent parser of
// k8s.io/apimachinery (pkg/labels/selector.go, v1.28), including its quirks
// (e.g. `k in ()` means the value set {""}, a NUL byte ends the input), and
// of NewRequirement's validation, so that error messages match the API server.
//

#include "LabelSelectorParser.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/LabelValidation.h"
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <utility>

namespace sbomop {
namespace kube {

namespace {

enum class Token
{
	Error,
	EndOfString,
	ClosedPar,
	Comma,
	DoesNotExist,
	DoubleEquals,
	Equals,
	GreaterThan,
	Identifier,
	In,
	LessThan,
	NotEquals,
	NotIn,
	OpenPar
};

struct ScannedItem
{
	Token token;
	std::string literal;
};

bool literalToken(const std::string& text, Token& token)
{
	static const std::pair<const char*, Token> TOKENS[] = {
		{")", Token::ClosedPar}, {",", Token::Comma}, {"!", Token::DoesNotExist},
		{"==", Token::DoubleEquals}, {"=", Token::Equals}, {">", Token::GreaterThan},
		{"in", Token::In}, {"<", Token::LessThan}, {"!=", Token::NotEquals},
		{"notin", Token::NotIn}, {"(", Token::OpenPar}
	};
	for (const auto& entry: TOKENS)
	{
		if (text == entry.first)
		{
			token = entry.second;
			return true;
		}
	}
	return false;
}

bool isWhitespace(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

bool isSpecialSymbol(char ch)
{
	switch (ch)
	{
	case '=': case '!': case '(': case ')': case ',': case '>': case '<':
		return true;
	default:
		return false;
	}
}

class Lexer
	// Byte-oriented like the Go lexer: a NUL byte reads like the end of input.
{
public:
	explicit Lexer(const std::string& text): _text(text), _pos(0)
	{
	}

	ScannedItem lex()
	{
		char ch = read();
		while (isWhitespace(ch)) ch = read();
		if (ch == 0) return {Token::EndOfString, ""};
		unread();
		return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
	}

private:
	char read()
	{
		if (_pos < _text.size()) return _text[_pos++];
		return 0;
	}

	void unread()
	{
		--_pos;
	}

	ScannedItem scanIdOrKeyword()
	{
		std::string buffer;
		for (;;)
		{
			const char ch = read();
			if (ch == 0) break;
			if (isSpecialSymbol(ch) || isWhitespace(ch))
			{
				unread();
				break;
			}
			buffer += ch;
		}
		Token token;
		if (literalToken(buffer, token)) return {token, buffer};
		return {Token::Identifier, buffer};
	}

	ScannedItem scanSpecialSymbol()
	{
		// Longest match: "!=" wins over "!", "==" over "=".
		ScannedItem last{Token::Error, ""};
		std::string buffer;
		for (;;)
		{
			const char ch = read();
			if (ch == 0) break;
			if (!isSpecialSymbol(ch))
			{
				unread();
				break;
			}
			buffer += ch;
			Token token;
			if (literalToken(buffer, token))
			{
				last = {token, buffer};
			}
			else if (last.token != Token::Error)
			{
				unread();
				break;
			}
		}
		if (last.token == Token::Error) return {Token::Error, "error expected: keyword found '" + buffer + "'"};
		return last;
	}

	const std::string& _text;
	std::size_t _pos;
};

enum class Context { KeyAndOperator, Values };

// The parser's own operator set: `==` is kept apart from `=` only while
// parsing; the public model folds both into Equals.
enum class ParsedOp { None, Exists, DoesNotExist, Equals, DoubleEquals, NotEquals, In, NotIn, GreaterThan, LessThan };

class Parser
{
public:
	explicit Parser(const std::string& text)
	{
		Lexer lexer(text);
		for (;;)
		{
			_items.push_back(lexer.lex());
			if (_items.back().token == Token::EndOfString) break;
		}
	}

	std::vector<LabelSelector::Requirement> parse()
	{
		std::vector<LabelSelector::Requirement> requirements;
		for (;;)
		{
			const ScannedItem head = lookahead(Context::Values);
			if (head.token == Token::EndOfString) return requirements;
			if (head.token != Token::Identifier && head.token != Token::DoesNotExist)
				fail("found '" + head.literal + "', expected: !, identifier, or 'end of string'");

			try
			{
				requirements.push_back(parseRequirement());
			}
			catch (const InvalidSelectorException& exc)
			{
				fail("unable to parse requirement: " + exc.message());
			}
			const ScannedItem next = consume(Context::Values);
			if (next.token == Token::EndOfString) return requirements;
			if (next.token != Token::Comma)
				fail("found '" + next.literal + "', expected: ',' or 'end of string'");
			const ScannedItem after = lookahead(Context::Values);
			if (after.token != Token::Identifier && after.token != Token::DoesNotExist)
				fail("found '" + after.literal + "', expected: identifier after ','");
		}
	}

private:
	[[noreturn]] static void fail(const std::string& message)
	{
		throw InvalidSelectorException(message);
	}

	static ScannedItem inContext(ScannedItem item, Context context)
	{
		// In a value position the keywords `in` and `notin` are plain identifiers.
		if (context == Context::Values && (item.token == Token::In || item.token == Token::NotIn))
			item.token = Token::Identifier;
		return item;
	}

	ScannedItem lookahead(Context context) const
	{
		return inContext(_items[_position], context);
	}

	ScannedItem consume(Context context)
	{
		return inContext(_items[_position++], context);
	}

	LabelSelector::Requirement parseRequirement()
	{
		ParsedOp op = ParsedOp::None;
		const std::string key = parseKeyAndInferOperator(op);
		std::set<std::string> values;
		if (op != ParsedOp::Exists && op != ParsedOp::DoesNotExist)
		{
			op = parseOperator();
			values = (op == ParsedOp::In || op == ParsedOp::NotIn) ? parseValues() : parseExactValue();
		}
		return makeRequirement(key, op, values);
	}

	std::string parseKeyAndInferOperator(ParsedOp& op)
	{
		ScannedItem item = consume(Context::Values);
		if (item.token == Token::DoesNotExist)
		{
			op = ParsedOp::DoesNotExist;
			item = consume(Context::Values);
		}
		if (item.token != Token::Identifier) fail("found '" + item.literal + "', expected: identifier");
		const std::vector<std::string> keyErrors = LabelValidation::keyErrors(item.literal);
		if (!keyErrors.empty()) fail(LabelValidation::invalidValueError("<nil>", item.literal, keyErrors));
		const Token next = lookahead(Context::Values).token;
		if ((next == Token::EndOfString || next == Token::Comma) && op != ParsedOp::DoesNotExist)
			op = ParsedOp::Exists;
		return item.literal;
	}

	ParsedOp parseOperator()
	{
		const ScannedItem item = consume(Context::KeyAndOperator);
		switch (item.token)
		{
		case Token::In: return ParsedOp::In;
		case Token::Equals: return ParsedOp::Equals;
		case Token::DoubleEquals: return ParsedOp::DoubleEquals;
		case Token::GreaterThan: return ParsedOp::GreaterThan;
		case Token::LessThan: return ParsedOp::LessThan;
		case Token::NotIn: return ParsedOp::NotIn;
		case Token::NotEquals: return ParsedOp::NotEquals;
		default:
			fail("found '" + item.literal + "', expected: in, notin, =, ==, !=, gt, lt");
		}
	}

	std::set<std::string> parseValues()
	{
		const ScannedItem open = consume(Context::Values);
		if (open.token != Token::OpenPar) fail("found '" + open.literal + "' expected: '('");
		const ScannedItem first = lookahead(Context::Values);
		if (first.token == Token::ClosedPar)
		{
			consume(Context::Values);
			return {""};
		}
		if (first.token != Token::Identifier && first.token != Token::Comma)
			fail("found '" + first.literal + "', expected: ',', ')' or identifier");
		std::set<std::string> values = parseIdentifiersList();
		// The Go parser reports the token after '(' here, not the offending one.
		if (consume(Context::Values).token != Token::ClosedPar)
			fail("found '" + first.literal + "', expected: ')'");
		return values;
	}

	std::set<std::string> parseIdentifiersList()
	{
		std::set<std::string> values;
		for (;;)
		{
			const ScannedItem item = consume(Context::Values);
			if (item.token == Token::Identifier)
			{
				values.insert(item.literal);
				const ScannedItem next = lookahead(Context::Values);
				if (next.token == Token::Comma) continue;
				if (next.token == Token::ClosedPar) return values;
				fail("found '" + next.literal + "', expected: ',' or ')'");
			}
			else if (item.token == Token::Comma)
			{
				// Empty values: "(,a)", "(a,)" and "(a,,b)" all contain "".
				if (values.empty()) values.insert("");
				const Token next = lookahead(Context::Values).token;
				if (next == Token::ClosedPar)
				{
					values.insert("");
					return values;
				}
				if (next == Token::Comma) values.insert("");
			}
			else
			{
				fail("found '" + item.literal + "', expected: ',', or identifier");
			}
		}
	}

	std::set<std::string> parseExactValue()
	{
		const Token next = lookahead(Context::Values).token;
		if (next == Token::EndOfString || next == Token::Comma) return {""};
		const ScannedItem item = consume(Context::Values);
		if (item.token != Token::Identifier) fail("found '" + item.literal + "', expected: identifier");
		return {item.literal};
	}

	static LabelSelector::Requirement makeRequirement(const std::string& key, ParsedOp op, const std::set<std::string>& values)
	{
		// Mirrors NewRequirement: operator-specific checks first, then every
		// value against the label value syntax; several errors are aggregated.
		std::vector<std::string> errors;
		if ((op == ParsedOp::In || op == ParsedOp::NotIn) && values.empty())
			errors.push_back("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
		if (op == ParsedOp::GreaterThan || op == ParsedOp::LessThan)
		{
			std::size_t index = 0;
			for (const auto& value: values)
			{
				if (!LabelSelectorParser::parseInteger(value, nullptr))
				{
					errors.push_back(LabelValidation::invalidValueError("values[" + std::to_string(index) + "]", value,
						{"for 'Gt', 'Lt' operators, the value must be an integer"}));
				}
				++index;
			}
		}
		std::size_t index = 0;
		for (const auto& value: values)
		{
			const std::vector<std::string> valueErrors = LabelValidation::valueErrors(value);
			if (!valueErrors.empty())
				errors.push_back(LabelValidation::invalidValueError("values[" + std::to_string(index) + "][" + key + "]", value, valueErrors));
			++index;
		}
		if (!errors.empty()) fail(LabelValidation::aggregate(errors));

		LabelSelector::Requirement requirement{key, LabelSelector::Operator::Exists, values};
		switch (op)
		{
		case ParsedOp::DoesNotExist: requirement.op = LabelSelector::Operator::DoesNotExist; break;
		case ParsedOp::Equals:
		case ParsedOp::DoubleEquals: requirement.op = LabelSelector::Operator::Equals; break;
		case ParsedOp::NotEquals: requirement.op = LabelSelector::Operator::NotEquals; break;
		case ParsedOp::In: requirement.op = LabelSelector::Operator::In; break;
		case ParsedOp::NotIn: requirement.op = LabelSelector::Operator::NotIn; break;
		case ParsedOp::GreaterThan: requirement.op = LabelSelector::Operator::GreaterThan; break;
		case ParsedOp::LessThan: requirement.op = LabelSelector::Operator::LessThan; break;
		default: break;
		}
		return requirement;
	}

	std::vector<ScannedItem> _items;
	std::size_t _position = 0;
};

} // namespace


std::vector<LabelSelector::Requirement> LabelSelectorParser::parse(const std::string& text)
{
	return Parser(text).parse();
}


bool LabelSelectorParser::parseInteger(const std::string& text, std::int64_t* value)
{
	const std::size_t start = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
	if (start == text.size()) return false;
	for (std::size_t i = start; i < text.size(); ++i)
	{
		if (text[i] < '0' || text[i] > '9') return false;
	}
	errno = 0;
	const long long parsed = std::strtoll(text.c_str(), nullptr, 10);
	if (errno == ERANGE) return false;
	if (value) *value = static_cast<std::int64_t>(parsed);
	return true;
}


} } // namespace sbomop::kube
