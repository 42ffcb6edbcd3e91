from .council import CouncilDecisionIndexPage, CouncilDecisionPage, Outcome, SessionType
from .feed import FeedToken
from .news import NEWS_PER_PAGE, NewsBodyBlock, NewsIndexPage, NewsPage, latest_news
from .revue import RevueItem, RevuePage

__all__ = [
    "NEWS_PER_PAGE",
    "CouncilDecisionIndexPage",
    "CouncilDecisionPage",
    "FeedToken",
    "NewsBodyBlock",
    "NewsIndexPage",
    "NewsPage",
    "Outcome",
    "RevueItem",
    "RevuePage",
    "SessionType",
    "latest_news",
]
