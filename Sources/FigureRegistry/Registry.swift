import Dukler2019ICLRFig2
import Dukler2020Fig1
import FigureKit
import Kohler2019Fig1
import Kohler2019Fig2
import Kohler2019Fig3
import Morwani2021Fig1
import Morwani2021Fig10
import Morwani2021Fig11
import Morwani2021Fig2
import Morwani2021Fig3
import Morwani2021Fig4
import Morwani2021Fig5
import Morwani2021Fig6
import Morwani2021Fig7
import Morwani2021Fig8
import Morwani2021Fig9
import PlotGallery
import Wu2020Fig1
import Wu2020Fig2

/// Every figure WNFigures produces, in the order `wnfig list` and the gallery show them.
public let registeredFigures: [AnyFigure] = [
    PlotGallery.figure,
    Wu2020Fig1.figure,
    Wu2020Fig2.figure,
    Dukler2020Fig1.figure,
    Dukler2019ICLRFig2.figure,
    Morwani2021Fig1.figure,
    Morwani2021Fig2.figure,
    Morwani2021Fig3.figure,
    Morwani2021Fig8.figure,
    Morwani2021Fig9.figure,
    Morwani2021Fig4.figure,
    Morwani2021Fig5.figure,
    Morwani2021Fig10.figure,
    Morwani2021Fig6.figure,
    Morwani2021Fig7.figure,
    Morwani2021Fig11.figure,
    Kohler2019Fig1.figure,
    Kohler2019Fig2.figure,
    Kohler2019Fig3.figure,
]
